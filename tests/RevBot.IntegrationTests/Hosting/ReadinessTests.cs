using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>/readyz also says when delivery is stuck: a due outbox message older than Outbox:MaxReadyAge.</summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stuck_outbox_makes_the_host_not_ready_until_the_message_goes_out()
    {
        // No Slack configured: nothing can send the row, as when Slack is down for good.
        await using var app = await BareHost.StartAsync("--Outbox:MaxReadyAge=00:10:00");
        using var http = BareHost.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);

        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var due = DateTime.UtcNow.AddMinutes(-11);
            var row = new OutboxMessage { Kind = "alert", Platform = ChatPlatform.Slack, ChannelId = "C1", Payload = "{}", CreatedAt = due, AvailableAt = due };
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
