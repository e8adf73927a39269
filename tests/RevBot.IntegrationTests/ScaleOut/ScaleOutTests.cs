using System.Net;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;
using Xunit.Sdk;

namespace RevBot.IntegrationTests.ScaleOut;

/// <summary>
/// The scale-out proof (docs/deploy.md, "Scale-out"): two real <c>revbot serve</c> processes on one PostgreSQL, every
/// background service running in both, one fake Slack. A Slack event and its retry land on different instances, both
/// schedulers find the same digest slot and the same alert scan due, both dispatchers claim the same outbox: each
/// message is answered once, the digest posted once, each alert delivered once.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>After everything arrived, no more may arrive during a whole scheduler tick (Digests:Interval, 5 s) and then some.</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(8);

    private const string ErrorLevel = "\"LogLevel\":\"Error\"";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_serve_processes_on_one_database_answer_each_event_and_post_each_digest_and_alert_once()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var cluster = await ScaleOutCluster.StartAsync(Ct);
        try
        {
            await ProveAsync(cluster);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new XunitException($"{ex.Message}\n{cluster.Tails()}", ex);
        }
    }

    private static async Task ProveAsync(ScaleOutCluster cluster)
    {
        // A Slack event delivered to A, and its retry to B at the same moment.
        const string eventId = "EvSCALEOUT0001";
        const string ts = "1700000500.000100";
        var body = SlackEndToEnd.EventCallback(eventId, SlackEndToEnd.Mention(ScaleOutCluster.QuestionChannel, ts, "win rate this quarter"));
        var acks = await Task.WhenAll(
            cluster.PostSignedAsync(cluster.A, SlackEndpoints.EventsPath, body, retry: 0, Ct),
            cluster.PostSignedAsync(cluster.B, SlackEndpoints.EventsPath, body, retry: 1, Ct));
        Assert.All(acks, ack => Assert.Equal(HttpStatusCode.OK, ack.StatusCode));
        var skipped = $"Slack event {eventId} was already taken";
        int Answers() => cluster.Posts().Count(p => p.Channel == ScaleOutCluster.QuestionChannel);
        await WaitUntilAsync("one instance answers the event and the other skips it (or both answer)",
            () => Task.FromResult((Answers() > 0 && cluster.A.Count(skipped) + cluster.B.Count(skipped) > 0) || Answers() > 1),
            () => $"answers: {Answers()}, skipped by A: {cluster.A.Count(skipped)}, by B: {cluster.B.Count(skipped)}");

        // Both schedulers and dispatchers have been running since start: wait until the digest and the alerts are out.
        await WaitUntilAsync("the digest slot is posted, the alert scan recorded, and every outbox row sent", () => SettledAsync(cluster), () => DescribeAsync(cluster));
        var settled = await SnapshotAsync(cluster);
        await HoldsAsync(QuietWindow, async () => await SnapshotAsync(cluster) == settled,
            async () => $"more arrived after everything was out: {settled} became {await SnapshotAsync(cluster)}");

        var posts = cluster.Posts();
        await using var db = cluster.Database.NewContext();
        var outbox = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);

        // Each message processed once: one answer, in the asker's thread; the other instance logged the retry as taken.
        var answer = Assert.Single(posts, p => p.Channel == ScaleOutCluster.QuestionChannel);
        Assert.Equal(ts, SlackBotHost.Json(answer.Body).GetProperty("thread_ts").GetString());
        Assert.Equal(1, cluster.A.Count(skipped) + cluster.B.Count(skipped));

        // Each digest posted once: one claim for the slot, one outbox row, one message in the channel.
        var claim = Assert.Single(await db.DigestSlotClaims.AsNoTracking().Where(c => c.ScheduleId == cluster.DigestScheduleId).ToListAsync(Ct));
        Assert.Equal((cluster.DigestSlot, DigestSlotOutcomes.Posted), (claim.SlotAt, claim.Outcome));
        Assert.Single(outbox, m => m.Kind == DigestPoster.OutboxKind);
        Assert.Single(posts, p => p.Channel == ScaleOutCluster.DigestChannel);

        // Each alert delivered once: one scan besides the seeded one, each alert recorded once, and each alert message
        // (the channel's, each owner's direct message) posted once.
        Assert.Equal(2, await db.AlertScanRuns.CountAsync(Ct));
        var alerts = await db.Alerts.AsNoTracking().Select(a => new { a.Kind, a.SubjectId, a.ReasonCode }).ToListAsync(Ct);
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Count, alerts.Distinct().Count());
        var toChannel = outbox.Count(m => m.Kind == AlertRouter.OutboxKind && m.ChannelId == ScaleOutCluster.AlertChannel);
        Assert.InRange(toChannel, 1, ScaleOutCluster.ChannelHourlyCap + 1);
        Assert.Equal(toChannel, posts.Count(p => p.Channel == ScaleOutCluster.AlertChannel));
        var direct = outbox.Where(m => m.Kind == AlertRouter.OutboxKind && m.RecipientUserId is not null).ToList();
        Assert.NotEmpty(direct);
        Assert.Equal(direct.Count, direct.Select(m => m.RecipientUserId).Distinct().Count());
        // A person's direct message goes to their Slack id: found by e-mail, or known since they asked the question.
        var recipients = direct.Select(m => m.RecipientUserId!.Value).ToList();
        var slackIds = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).Select(u => u.SlackUserId).ToListAsync(Ct);
        Assert.Equal(direct.Count, slackIds.Count);
        Assert.All(slackIds, id => Assert.Single(posts, p => p.Channel == id));

        // The outbox ends with every row sent, on its first claim, and Slack received nothing twice.
        Assert.All(outbox, m => Assert.Equal((true, 1, false), (m.SentAt is not null, m.Attempts, m.FailedAt is not null)));
        Assert.Equal(outbox.Count + 1, posts.Count);
        Assert.Equal(posts.Count, posts.Select(p => p.Body).Distinct(StringComparer.Ordinal).Count());

        // The races above are the normal case for several instances: neither logged an error over them.
        Assert.Equal((0, 0), (cluster.A.Count(ErrorLevel), cluster.B.Count(ErrorLevel)));

        var sent = "sent through slack";
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outbox.Count} outbox rows: {cluster.A.Count(sent)} sent by A, {cluster.B.Count(sent)} by B; {alerts.Count} alerts, {direct.Count} direct messages, {toChannel} channel messages.");
    }

    private static async Task<bool> SettledAsync(ScaleOutCluster cluster)
    {
        await using var db = cluster.Database.NewContext();
        var outcomes = await db.DigestSlotClaims.Where(c => c.ScheduleId == cluster.DigestScheduleId).Select(c => c.Outcome).ToListAsync(Ct);
        var scans = await db.AlertScanRuns.CountAsync(Ct);
        var rows = await db.Outbox.CountAsync(Ct);
        var unsent = await db.Outbox.CountAsync(m => m.SentAt == null, Ct);
        return outcomes.Contains(DigestSlotOutcomes.Posted) && scans >= 2 && rows > 0 && unsent == 0 && cluster.Posts().Count >= rows + 1;
    }

    private static async Task<string> SnapshotAsync(ScaleOutCluster cluster)
    {
        await using var db = cluster.Database.NewContext();
        var rows = await db.Outbox.CountAsync(Ct);
        var unsent = await db.Outbox.CountAsync(m => m.SentAt == null, Ct);
        var claims = await db.DigestSlotClaims.CountAsync(Ct);
        var scans = await db.AlertScanRuns.CountAsync(Ct);
        return $"{rows} outbox rows ({unsent} unsent), {claims} digest claims, {scans} alert scans, {cluster.Posts().Count} Slack posts";
    }

    private static async Task<string> DescribeAsync(ScaleOutCluster cluster)
    {
        await using var db = cluster.Database.NewContext();
        var outcomes = await db.DigestSlotClaims.Select(c => c.Outcome).ToListAsync(Ct);
        return $"{await SnapshotAsync(cluster)}; digest outcomes [{string.Join(", ", outcomes)}]";
    }

    /// <summary>Polls (bounded, in real time: the processes run on the system clock) until <paramref name="done"/>.</summary>
    private static async Task WaitUntilAsync(string what, Func<Task<bool>> done, Func<string> state) =>
        await WaitUntilAsync(what, done, () => Task.FromResult(state()));

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> done, Func<Task<string>> state)
    {
        if (!await Wait.UntilAsync(done, Deadline, TimeSpan.FromMilliseconds(200)))
            Assert.Fail($"Not within {Deadline.TotalSeconds:F0} s: {what}. Now: {await state()}.");
    }

    /// <summary>Checks <paramref name="holds"/> throughout <paramref name="window"/>, failing as soon as it does not.</summary>
    private static async Task HoldsAsync(TimeSpan window, Func<Task<bool>> holds, Func<Task<string>> state)
    {
        var until = DateTime.UtcNow + window;
        while (DateTime.UtcNow < until)
        {
            if (!await holds()) Assert.Fail(await state());
            await Task.Delay(250, Ct);
        }
    }
}
