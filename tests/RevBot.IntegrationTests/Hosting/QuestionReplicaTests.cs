using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Security;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>
/// <c>Database:QuestionReplica</c>: a question's numbers come from the replica, what it writes goes to the primary.
/// The "replica" here is a second database seeded alike and then made to differ (one won deal larger), opened read
/// only, so an answer shows which database it read and any write on the question path would fail.
/// </summary>
public sealed class QuestionReplicaTests
{
    private const string ApiKey = "test-api-key-0123456789";
    private const decimal Extra = 1_000_000m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Numbers_come_from_the_replica_and_the_conversation_is_kept_on_the_primary()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var primary = (await SeededPostgres.CreateAsync(DbProvider.Postgres))!;
        await using var replica = (await SeededPostgres.CreateAsync(DbProvider.Postgres))!;
        await using (var db = replica.NewContext())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var won = await db.Deals.Where(d => d.Status == DealStatus.Won && d.CloseDate >= new DateOnly(today.Year, 1, 1)).OrderBy(d => d.Id).FirstAsync(Ct);
            won.Amount += Extra;
            await db.SaveChangesAsync(Ct);
        }
        var readOnly = new NpgsqlConnectionStringBuilder(replica.Target.ConnectionString) { Options = "-c default_transaction_read_only=on" }.ConnectionString;

        var fromPrimary = await BookingsAsync(primary, null, "s-primary");
        var fromReplica = await BookingsAsync(primary, readOnly, "s-replica");

        Assert.Equal(fromPrimary + Extra, fromReplica);
        await using var check = primary.NewContext();
        Assert.True(await check.Set<RevBot.Core.Conversation.ConversationState>().AnyAsync(c => c.Key == "api:s-replica", Ct));
    }

    [Fact]
    public async Task A_replica_without_the_schema_stops_the_start_with_one_sentence()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var primary = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var empty = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);

        var e = await Assert.ThrowsAsync<StartupException>(() => RevBotServer.StartAsync(
            [$"--Database:Target={primary.Target.ConnectionString}", $"--Database:QuestionReplica={empty.Target.ConnectionString}", "--urls=http://127.0.0.1:0"], Ct));

        Assert.StartsWith("Database:QuestionReplica: the replica", e.Message, StringComparison.Ordinal);
        Assert.Contains("migration(s) the target has", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_beside_an_embedded_database_is_refused()
    {
        var path = TestFiles.NewPath("replica.db");

        var e = await Assert.ThrowsAsync<StartupException>(() => RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--Database:QuestionReplica=Host=127.0.0.1;Database=revbot;Username=revbot", "--urls=http://127.0.0.1:0"], Ct));

        Assert.Equal("Database:QuestionReplica is a PostgreSQL read replica of a PostgreSQL Database:Target; leave it empty with SQLite.", e.Message);
        Assert.False(File.Exists(path));
    }

    private static async Task<decimal> BookingsAsync(TestDatabase primary, string? replica, string session)
    {
        string[] replicaArg = replica is null ? [] : [$"--Database:QuestionReplica={replica}"];
        var app = await RevBotServer.StartAsync(
            [.. SeededPostgres.HostArgs(primary), .. replicaArg, "--urls=http://127.0.0.1:0", $"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com"], Ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            using var response = await http.PostAsJsonAsync("/api/ask", new { question = "bookings this year", session }, Ct);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("bookings", json.GetProperty("metric").GetString());
            return json.GetProperty("value").GetDecimal();
        }
        finally
        {
            await app.StopAsync(Ct);
            await app.DisposeAsync();
        }
    }
}
