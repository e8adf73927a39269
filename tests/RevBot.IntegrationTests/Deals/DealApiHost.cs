using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Deals;

/// <summary>
/// The real host over a SQLite file holding <see cref="DealWorld"/> plus the API's own user, CRM Sync (RevOps), with
/// the HTTP API on. Tests share it and each works on deals the others leave alone, reading versions as they go.
/// </summary>
public sealed class DealApiHost : IAsyncLifetime
{
    public const string ApiKey = "deal-api-test-key-0123456789";
    public const string ApiUser = "crm-sync@example.com";

    private TestDatabase? _database;
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public TestDatabase Database => _database!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = _database.NewContext())
        {
            await DealWorld.SeedAsync(db);
            db.Users.Add(new User { Email = ApiUser, Name = "CRM Sync", Role = UserRole.Revops });
            await db.SaveChangesAsync();
        }
        (_app, Http) = await StartAsync(_database, ApiUser);
    }

    /// <summary>Starts another host on the same database, the API attributed to <paramref name="apiUser"/>.</summary>
    public static async Task<(WebApplication App, HttpClient Http)> StartAsync(TestDatabase database, string apiUser)
    {
        var path = new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource;
        var app = await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", $"--Api:Key={ApiKey}", $"--Api:UserEmail={apiUser}"]);
        var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return (app, http);
    }

    public async Task<(int Version, JsonElement Deal)> GetAsync(string id)
    {
        using var response = await Http.GetAsync(new Uri($"/api/deals/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var deal = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (deal.GetProperty("version").GetInt32(), deal);
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient http, string id, string body, string? ifMatch, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{id}") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PatchAsync(string id, string body, string? ifMatch, string? idempotencyKey = null) =>
        PatchAsync(Http, id, body, ifMatch, idempotencyKey);

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
