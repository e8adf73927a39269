using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RevBot.IntegrationTests.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Ask;

/// <summary>The real host on a new SQLite file with a small seeded demo company and the HTTP API switched on.</summary>
public sealed class AskHost : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-0123456789";

    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The running host's services (to refresh the names a test added).</summary>
    public IServiceProvider Services => _app!.Services;

    public string DatabasePath { get; } = TestFiles.NewPath("ask.db");

    public async ValueTask InitializeAsync()
    {
        _app = await HostDatabaseTemplates.StartAsync(DatabasePath, ["--urls=http://127.0.0.1:0", "--Database:DemoScale=0.05", $"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com", "--Questions:Burst=10000", "--Questions:PerMinute=10000"]);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async Task<JsonElement> AskAsync(string question, string? session = null, string? user = null, string? asOf = null)
    {
        using var response = await Http.PostAsJsonAsync("/api/ask", new { question, session, user, asOf });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            // Stop first: disposing alone leaves background workers running against a disposed container.
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
