using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;

namespace RevBot.IntegrationTests.ScaleOut;

/// <summary>
/// Two <c>revbot serve</c> processes (<see cref="A"/>, <see cref="B"/>) on one new PostgreSQL database, both talking to
/// one fake Slack Web API. Before they start, the database holds a small demo company, a channel subscribed to alerts,
/// a daily digest whose slot came 30 minutes ago, and a last alert scan two hours old: so at start both instances'
/// schedulers find the same digest slot and the same alert scan due, and race for them.
/// </summary>
internal sealed class ScaleOutCluster : IAsyncDisposable
{
    public const string QuestionChannel = "CSCALEQ";
    public const string AlertChannel = "CSCALEALERTS";
    public const string DigestChannel = "CSCALEDIGEST";

    /// <summary>Alert messages to the channel per hour: a few, then the "and N more" summary, so the check stays quick.</summary>
    public const int ChannelHourlyCap = 4;

    private readonly ConcurrentDictionary<string, string> _slackIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _secrets = TestFiles.NewPath("secrets");
    private string _repEmail = "";
    private int _lookups;

    private ScaleOutCluster(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeSlack Slack { get; private set; } = null!;

    public RevBotProcess A { get; private set; } = null!;

    public RevBotProcess B { get; private set; } = null!;

    public long DigestScheduleId { get; private set; }

    public DateTime DigestSlot { get; private set; }

    public static async Task<ScaleOutCluster> StartAsync(CancellationToken ct)
    {
        var cluster = new ScaleOutCluster(await TestDatabase.CreateAsync(DbProvider.Postgres));
        try
        {
            await cluster.SeedAsync(ct);
            cluster.Slack = await FakeSlack.StartAsync(cluster.Respond);
            Directory.CreateDirectory(cluster._secrets);
            // As a container gets them: one file per secret (the connection string holds the database password).
            await File.WriteAllTextAsync(Path.Combine(cluster._secrets, "Database__Target"), cluster.Database.Target.ConnectionString, ct);
            await File.WriteAllTextAsync(Path.Combine(cluster._secrets, "Slack__SigningSecret"), SlackBotHost.Secret, ct);
            await File.WriteAllTextAsync(Path.Combine(cluster._secrets, "Slack__BotToken"), "xoxb-scale-out", ct);
            var settings = cluster.Settings();
            cluster.A = RevBotProcess.Start("instance A", settings, cluster._secrets);
            cluster.B = RevBotProcess.Start("instance B", settings, cluster._secrets);
            var ready = TimeSpan.FromSeconds(120);
            await Task.WhenAll(cluster.A.WaitUntilReadyAsync(ready, ct), cluster.B.WaitUntilReadyAsync(ready, ct));
            return cluster;
        }
        catch (Exception ex)
        {
            var tails = cluster.Tails();
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The two instances did not start: {ex.Message}\n{tails}", ex);
        }
    }

    /// <summary>Short intervals so both instances' background services act within seconds; the rest as in production.</summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["Slack__ApiBaseUrl"] = Slack.ApiBaseUrl,
        ["Company__TimeZone"] = "UTC",
        ["Digests__Interval"] = "00:00:05",
        ["Outbox__PollInterval"] = "00:00:00.2",
        // One row per claim: the two dispatchers take turns on the same rows as often as possible.
        ["Outbox__BatchSize"] = "1",
        ["Alerts__ChannelHourlyCap"] = ChannelHourlyCap.ToString(CultureInfo.InvariantCulture),
        // Equal values switch quiet hours off: owners' direct messages go out now, whatever the time of day of the run.
        ["Alerts__QuietHoursStart"] = "00:00",
        ["Alerts__QuietHoursEnd"] = "00:00",
    };

    private async Task SeedAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var db = Database.NewContext();
        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DateOnly.FromDateTime(now) }, ct: ct);
        _repEmail = await db.Deals.Where(d => d.Owner != null && d.CloseDate != null).GroupBy(d => d.Owner!.Email)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);

        db.AlertSubscriptions.Add(new AlertSubscription { Platform = ChatPlatform.Slack, ChannelId = AlertChannel, Kinds = "stalled_deal,churn_risk", CreatedAt = now });
        // The last scan was two hours ago (ScanInterval is an hour): the next one is due as the instances start.
        db.AlertScanRuns.Add(new AlertScanRun { StartedAt = now.AddHours(-2), FinishedAt = now.AddHours(-2) });
        // A daily sales digest whose time of day came half an hour ago, subscribed an hour ago: exactly one slot is due.
        DigestSlot = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-30);
        var schedule = new DigestSubscription
        {
            Platform = ChatPlatform.Slack, ChannelId = DigestChannel, Kind = "sales", TimeZone = "UTC",
            Cron = string.Create(CultureInfo.InvariantCulture, $"{DigestSlot.Minute} {DigestSlot.Hour} * * *"),
            CreatedAt = now.AddHours(-1), UpdatedAt = now.AddHours(-1), CreatedBy = _repEmail,
        };
        db.DigestSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        DigestScheduleId = schedule.Id;
    }

    /// <summary>A Slack-signed POST of <paramref name="body"/> to <paramref name="instance"/>, as Slack sends it.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(RevBotProcess instance, string path, string body, int retry, CancellationToken ct)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBotHost.Secret, ts, Encoding.UTF8.GetBytes(body)));
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return instance.Http.SendAsync(request, ct);
    }

    /// <summary>Every chat.postMessage the fake received, as (channel, body).</summary>
    public List<(string Channel, string Body)> Posts() =>
        [.. Slack.Calls("chat.postMessage").Select(r => (SlackBotHost.Json(r.Body).GetProperty("channel").GetString()!, r.Body))];

    public string Tails() => string.Join('\n', new[] { A, B }.Where(p => p is not null).Select(p => p.Tail()));

    private FakeResponse Respond(FakeRequest request) => request.Method switch
    {
        "auth.test" => FakeResponse.Ok($$"""{"ok":true,"user_id":"{{SlackBotHost.BotUserId}}","bot_id":"BBOT","team_id":"T1"}"""),
        "users.info" => FakeResponse.Ok(JsonSerializer.Serialize(new { ok = true, user = new { id = SlackBotHost.RepSlackId, profile = new { email = _repEmail } } })),
        "users.lookupByEmail" => FakeResponse.Ok(JsonSerializer.Serialize(new { ok = true, user = new { id = LookUp(request.Body) } })),
        "chat.postMessage" => FakeResponse.Ok($$"""{"ok":true,"channel":"{{SlackBotHost.Json(request.Body).GetProperty("channel").GetString()}}","ts":"1700000000.{{request.Call:D6}}"}"""),
        "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{Slack.BaseUri}}upload/{{request.Call}}","file_id":"F{{request.Call}}"}"""),
        "files.completeUploadExternal" => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"Chart"}]}"""),
        _ when request.Method.StartsWith("/upload/", StringComparison.Ordinal) => new FakeResponse(200, "OK"),
        _ => FakeResponse.Ok("""{"ok":true}"""),
    };

    /// <summary>
    /// users.lookupByEmail is a form post (<c>email=…</c>): one stable made-up id per address, and the asker's own id
    /// for the asker, as Slack would answer (their alert may be sent before or after their question maps them).
    /// </summary>
    private string LookUp(string form)
    {
        var email = System.Web.HttpUtility.ParseQueryString(form)["email"] ?? "";
        if (string.Equals(email, _repEmail, StringComparison.OrdinalIgnoreCase)) return SlackBotHost.RepSlackId;
        return _slackIds.GetOrAdd(email, _ => $"UDM{Interlocked.Increment(ref _lookups):D5}");
    }

    public async ValueTask DisposeAsync()
    {
        // Processes first (killed even when the test failed), then what they were using.
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (Slack is not null) await Slack.DisposeAsync();
        await Database.DisposeAsync();
        var folder = Path.GetDirectoryName(_secrets)!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
