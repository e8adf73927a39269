using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

public sealed class HostStartTests
{
    [Fact]
    public async Task Host_starts_on_an_empty_sqlite_path_seeds_a_demo_company_and_answers_health_and_readiness()
    {
        var path = TestFiles.NewPath("new.db");
        await using var app = await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--Database:DemoScale=0.02"], TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetFromJsonAsync<JsonElement>(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.True(File.Exists(path));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        Assert.InRange(await db.Deals.CountAsync(TestContext.Current.CancellationToken), 100, 1_000);
        Assert.True(await db.Users.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DbProvider.Postgres)]
    public async Task Readiness_is_503_until_a_postgres_database_is_migrated(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var app = await RevBotServer.StartAsync([$"--Database:Target={db.Target.ConnectionString}", "--urls=http://127.0.0.1:0"], TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

        var before = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        await using (var ctx = db.NewContext()) await DatabaseMigrator.MigrateAsync(ctx, TestContext.Current.CancellationToken);
        var after = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_with_one_sentence_naming_it()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RevBotServer.StartAsync(["--Database:Target=sqlite::memory:", "--urls=http://127.0.0.1:0", "--Company:TimeZone=Mars/Olympus"], TestContext.Current.CancellationToken));
        Assert.Contains("Company:TimeZone", ex.Failures.Single(), StringComparison.Ordinal);
    }

    /// <summary>The host's own settings, checked the same way as the others (<c>ICheckedOptions</c>): each sentence, alone.</summary>
    [Theory]
    [InlineData("--Database:DemoScale=0", "Database:DemoScale must be a number above 0 and at most 1000.")]
    [InlineData("--InboundDeliveries:Retention=00:30:00", "InboundDeliveries:Retention must be at least 01:00:00 (an hour): Slack and Teams retry a delivery for minutes, and a key deleted sooner could let a retry be answered twice.")]
    [InlineData("--InboundDeliveries:CleanupInterval=00:00:10", "InboundDeliveries:CleanupInterval must be at least 00:01:00 (a minute).")]
    [InlineData("--Api:Key=start-test-key-0123456789", "Api:UserEmail must be the e-mail of the RevBot user that changes made through the API are attributed to (required when Api:Key is set).")]
    [InlineData("--Telemetry:Protocol=udp", "Telemetry:Protocol must be http/protobuf or grpc.")]
    [InlineData("--Telemetry:MetricInterval=00:00:00.5", "Telemetry:MetricInterval must be at least 00:00:01.")]
    [InlineData("--Telemetry:OtlpEndpoint=collector", "Telemetry:OtlpEndpoint must be an absolute URL such as http://otel-collector:4318.")]
    [InlineData("--Questions:PerMinute=0", "Questions:PerMinute and Questions:Burst must be whole numbers from 1 to 10000, Questions:ApiPerMinute and Questions:ApiBurst from 1 to 100000.")]
    [InlineData("--Sources:AlertChannel=#revops", "Sources:AlertChannel '#revops' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.")]
    public async Task Each_host_setting_stops_the_host_with_its_own_sentence(string setting, string sentence)
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RevBotServer.StartAsync(["--Database:Target=sqlite::memory:", "--urls=http://127.0.0.1:0", setting], TestContext.Current.CancellationToken));
        Assert.Equal([sentence], ex.Failures);
    }

    private static string Address(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
