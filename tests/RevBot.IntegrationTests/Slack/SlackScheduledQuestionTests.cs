using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.ScheduledQuestions;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// A scheduled question through the real host and a fake Slack: set up by a DM, answered with what, when and where; its
/// slot run by the host's scheduler and the answer delivered to the rep by direct message (outbox → chat.postMessage);
/// listed and stopped by DM. The schedule row is moved to "every minute" in the database, as the clock would bring 9:00.
/// </summary>
public sealed class SlackScheduledQuestionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scheduled_question_is_set_up_delivered_listed_and_stopped_in_slack()
    {
        await using var host = new SlackBotHost(new SlackBotHostOptions { ExtraArgs = ["--Digests:Enabled=false"] });
        await host.InitializeAsync();
        await QueryAsync(host, db => db.Users.Where(u => u.Email == host.RepEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.SlackUserId, SlackBotHost.RepSlackId), Ct));

        await Event(host, "EvSQ1", Dm("DSQ1", "1700001000.000100", "every Monday at 9 send me pipeline by stage only if it changed"));
        var reply = SlackBotHost.Json((await host.WaitForAsync(r => SlackEndToEnd.Posted(r, "DSQ1"))).Single().Body).GetProperty("text").GetString()!;
        Assert.True(reply.Contains("I'll send \"pipeline by stage\" every Monday at 09:00", StringComparison.Ordinal), reply);
        Assert.Contains("only when the answer changed", reply, StringComparison.Ordinal);

        // 9:00 comes: the schedule fires every minute from a minute and a half ago.
        var since = DateTime.UtcNow.AddSeconds(-90);
        await QueryAsync(host, db => db.DigestSchedules.Where(s => s.Kind == ScheduledQuestionRunner.ScheduleKind)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Cron, "* * * * *").SetProperty(s => s.TimeZone, "UTC").SetProperty(s => s.UpdatedAt, since), Ct));
        var scheduler = host.App.Services.GetServices<IHostedService>().OfType<DigestSchedulerService>().Single();
        Assert.Contains(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Kind == ScheduledQuestionRunner.ScheduleKind && r.Outcome == DigestSlotOutcomes.Posted);
        var sent = (await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains("stop sending pipeline by stage", StringComparison.Ordinal))).Single();
        Assert.Contains(SlackBotHost.RepSlackId, sent.Body, StringComparison.Ordinal);

        await Event(host, "EvSQ2", Dm("DSQ1", "1700001001.000100", "my schedules"));
        var list = (await host.WaitForAsync(r => SlackEndToEnd.Posted(r, "DSQ1"), count: 2))[1].Body;
        Assert.Contains("pipeline by stage", list, StringComparison.Ordinal);
        await Event(host, "EvSQ3", Dm("DSQ1", "1700001002.000100", "stop sending pipeline by stage"));
        var stopped = SlackBotHost.Json((await host.WaitForAsync(r => SlackEndToEnd.Posted(r, "DSQ1"), count: 3))[2].Body).GetProperty("text").GetString()!;
        Assert.Contains("I'll stop sending \"pipeline by stage\"", stopped, StringComparison.Ordinal);
        Assert.False(await QueryAsync(host, db => db.DigestSchedules.AnyAsync(s => s.Kind == ScheduledQuestionRunner.ScheduleKind && s.Active, Ct)));
    }

    [Fact]
    public async Task A_scheduled_chart_is_uploaded_after_its_message_as_an_answers_chart_is()
    {
        SlackBotHost? self = null;
        await using var host = new SlackBotHost(new SlackBotHostOptions
        {
            ExtraArgs = ["--Digests:Enabled=false"],
            Respond = r => r.Method switch
            {
                "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{self!.Fake.BaseUri}}upload/F{{r.Call}}","file_id":"F{{r.Call}}"}"""),
                "files.completeUploadExternal" => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"chart"}]}"""),
                _ => null,
            },
        });
        self = host;
        await host.InitializeAsync();
        await QueryAsync(host, db => db.Users.Where(u => u.Email == host.RepEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.SlackUserId, SlackBotHost.RepSlackId), Ct));

        await Event(host, "EvSQC1", Dm("DSQC", "1700002000.000100", "every Monday at 9 send me a chart of bookings by month"));
        await host.WaitForAsync(r => SlackEndToEnd.Posted(r, "DSQC"));
        var since = DateTime.UtcNow.AddSeconds(-90);
        await QueryAsync(host, db => db.DigestSchedules.Where(s => s.Kind == ScheduledQuestionRunner.ScheduleKind)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Cron, "* * * * *").SetProperty(s => s.TimeZone, "UTC").SetProperty(s => s.UpdatedAt, since), Ct));
        var scheduler = host.App.Services.GetServices<IHostedService>().OfType<DigestSchedulerService>().Single();
        Assert.Contains(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Kind == ScheduledQuestionRunner.ScheduleKind && r.Outcome == DigestSlotOutcomes.Posted);

        // The message first, then its PNG through the upload flow, shared into the message's thread.
        var sent = (await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains("stop sending", StringComparison.Ordinal))).Single();
        var complete = (await host.WaitForAsync(r => r.Method == "files.completeUploadExternal")).Single();
        var ask = host.Fake.Requests.Single(r => r.Method == "files.getUploadURLExternal");
        Assert.Contains("bookings-by-month.png", ask.Body, StringComparison.Ordinal);
        Assert.Contains("PNG", host.Fake.Requests.Single(r => r.Method == $"/upload/F{ask.Call}").Body, StringComparison.Ordinal);
        Assert.True(sent.At <= ask.At && ask.At <= complete.At);
        Assert.Contains("thread_ts", complete.Body, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Event(SlackBotHost host, string id, string evt) =>
        host.PostSignedAsync(SlackEndpoints.EventsPath, SlackEndToEnd.EventCallback(id, evt), "application/json");

    private static string Dm(string channel, string ts, string text) =>
        JsonSerializer.Serialize(new { type = "message", channel_type = "im", channel, user = SlackBotHost.RepSlackId, text, ts });

    private static async Task<T> QueryAsync<T>(SlackBotHost host, Func<RevBotDb, Task<T>> query)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RevBotDb>());
    }
}
