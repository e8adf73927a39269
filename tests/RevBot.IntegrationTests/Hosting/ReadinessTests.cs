using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Host.Hosting;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>/readyz also says when delivery is stuck: a due outbox message older than Outbox:MaxReadyAge.</summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stuck_outbox_makes_the_host_not_ready_until_the_message_goes_out()
    {
        var path = Path.Combine(Path.GetTempPath(), "revbot-tests", Guid.NewGuid().ToString("N"), "ready.db");
        // No Slack configured: nothing can send the row, as when Slack is down for good.
        await using var app = await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0",
            "--Database:SeedDemoData=false", "--Outbox:MaxReadyAge=00:10:00"], Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);

        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var due = DateTime.UtcNow.AddMinutes(-11);
            var row = new OutboxMessage { Kind = "alert", Platform = "slack", ChannelId = "C1", Payload = "{}", CreatedAt = due, AvailableAt = due };
            db.Outbox.Add(row);
            await db.SaveChangesAsync(Ct);
            id = row.Id;
        }

        using var stuck = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = JsonDocument.Parse(await stuck.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stuck.StatusCode);
        Assert.True(body.GetProperty("outbox").GetProperty("stuck").GetBoolean());
        Assert.InRange(body.GetProperty("outbox").GetProperty("oldestDueSeconds").GetInt32(), 600, 3600);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RevBotDb>().Outbox.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow), Ct);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);
    }
}
