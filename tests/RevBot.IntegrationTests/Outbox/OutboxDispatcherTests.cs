using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// The dispatcher's rules on SQLite, one round at a time (<see cref="OutboxDispatcher.RunOnceAsync"/>) with a fake clock,
/// against a fake Slack Web API: what is posted, and what is written back to each row.
/// </summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(OutboxWorld.Start);
    private readonly Queue<FakeResponse> _script = new();
    private TestDatabase _database = null!;
    private FakeSlack _slack = null!;
    private OutboxWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        _slack = await FakeSlack.StartAsync(Respond, _time);
        _world = OutboxWorld.Create(_database, _slack, _time, new Dictionary<string, string?> { ["Outbox:FirstBackoff"] = FirstBackoff.ToString() });
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        await _slack.DisposeAsync();
        await _database.DisposeAsync();
    }

    private FakeResponse Respond(FakeRequest request)
    {
        lock (_script)
            if (_script.Count > 0) return _script.Dequeue();
        return request.Method switch
        {
            "users.lookupByEmail" => FakeResponse.Ok("""{"ok":true,"user":{"id":"UFOUND01"}}"""),
            "files.getUploadURLExternal" => FakeResponse.Ok($$"""{"ok":true,"upload_url":"{{_slack.BaseUri}}upload/{{request.Call}}","file_id":"F{{request.Call}}"}"""),
            "files.completeUploadExternal" => FakeResponse.Ok("""{"ok":true,"files":[{"id":"F1","title":"Pipeline"}]}"""),
            _ => FakeResponse.Ok($$"""{"ok":true,"channel":"C1","ts":"1700000000.{{request.Call:D6}}"}"""),
        };
    }

    private void Script(params FakeResponse[] responses)
    {
        lock (_script)
            foreach (var r in responses) _script.Enqueue(r);
    }

    private Task<int> RoundAsync() => FakeClock.RunAsync(_time, _world.Dispatcher.RunOnceAsync(Ct));

    private Task<int> AddUserAsync(string email, string name) => _world.WithDbAsync(async db =>
    {
        var user = new User { Email = email, Name = name };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user.Id;
    });

    private List<FakeRequest> Posts => [.. _slack.Calls("chat.postMessage")];

    private static string Channel(FakeRequest post) => JsonDocument.Parse(post.Body).RootElement.GetProperty("channel").GetString()!;

    [Fact]
    public async Task A_digest_is_posted_and_its_stored_charts_are_uploaded_into_its_thread()
    {
        var png = "chart-bytes-for-the-test"u8.ToArray();
        var token = await _world.WithDbAsync(async db =>
        {
            var t = new RevBot.Core.Images.ReplyImageStore(db, _time).Add(png);
            await db.SaveChangesAsync(Ct);
            return t;
        });
        var row = OutboxWorld.Row("CDIGEST", "Sales digest", _time.GetUtcNow());
        row.Payload = ReplyJson.Serialize(new RevBot.Core.Replies.Reply
        {
            Kind = RevBot.Core.Replies.ReplyKind.Digest, Title = "Sales digest", Text = "The week",
            Images = [new RevBot.Core.Replies.ReplyImage("pipeline.png", "Pipeline", "Pipeline by stage", 800, 400) { Token = token }],
        });
        var id = await _world.AddAsync(row);

        Assert.Equal(1, await RoundAsync());

        Assert.NotNull((await _world.RowAsync(id)).SentAt);
        var calls = _slack.Requests.Select(r => r.Method).ToList();
        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "/upload/1", "files.completeUploadExternal"], calls);
        Assert.Contains("chart-bytes-for-the-test", _slack.Requests.ElementAt(2).Body, StringComparison.Ordinal);
        var complete = JsonDocument.Parse(_slack.Calls("files.completeUploadExternal").Single().Body).RootElement;
        // The channel Slack answered with (for a person, the D… of the direct message), and the message's ts as thread.
        Assert.Equal(("C1", "1700000000.000001"), (complete.GetProperty("channel_id").GetString(), complete.GetProperty("thread_ts").GetString()));
    }

    [Fact]
    public async Task A_message_that_fails_is_retried_after_the_backoff_and_is_posted_once_when_Slack_recovers()
    {
        var id = await _world.AddAsync(OutboxWorld.Row("CRETRY", "Hand-off", _time.GetUtcNow()));
        Script(new FakeResponse(500, "oops"));

        // The round moves the fake clock while it runs, so the dispatcher's "now" lies between these two readings.
        var before = _time.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await RoundAsync());
        var after = _time.GetUtcNow().UtcDateTime;
        var failed = await _world.RowAsync(id);
        Assert.Equal((1, (DateTime?)null, (DateTime?)null), (failed.Attempts, failed.SentAt, failed.FailedAt));
        Assert.Contains("http_error", failed.LastError, StringComparison.Ordinal);
        Assert.InRange(failed.AvailableAt - before, FirstBackoff / 2, FirstBackoff + (after - before));
        Assert.InRange(failed.AvailableAt - after, FirstBackoff / 2 - (after - before), FirstBackoff);
        var wait = failed.AvailableAt - after;

        // Not due yet: nothing is claimed, nothing posted.
        Assert.Equal(0, await _world.Dispatcher.RunOnceAsync(Ct));
        _time.Advance(wait);
        var due = _time.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await RoundAsync());
        Assert.Equal(0, await RoundAsync());

        var sent = await _world.RowAsync(id);
        Assert.Equal((2, (string?)null), (sent.Attempts, sent.LastError));
        Assert.InRange(sent.SentAt!.Value, due, _time.GetUtcNow().UtcDateTime);
        Assert.Equal("1700000000.000002", sent.PlatformMessageId);
        Assert.Equal(2, Posts.Count);
        Assert.Contains("Hand-off", Posts[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_exactly_the_Retry_After_and_holds_back_the_rest_of_that_channel_only()
    {
        var first = await _world.AddAsync(OutboxWorld.Row("CBUSY", "First", _time.GetUtcNow()));
        var second = await _world.AddAsync(OutboxWorld.Row("CBUSY", "Second", _time.GetUtcNow()));
        var elsewhere = await _world.AddAsync(OutboxWorld.Row("CQUIET", "Elsewhere", _time.GetUtcNow()));
        Script(new FakeResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 30));
        var now = _time.GetUtcNow().UtcDateTime;

        // The channel's head and the other channel's row are claimed; the channel's second row is not (its head holds it).
        Assert.Equal(2, await _world.Dispatcher.RunOnceAsync(Ct));

        var limited = await _world.RowAsync(first);
        Assert.Equal((now.AddSeconds(30), 1), (limited.AvailableAt, limited.Attempts));
        var held = await _world.RowAsync(second);
        // Not tried, and moved behind its head's retry time (it could not go before it anyway).
        Assert.Equal((now.AddSeconds(30), 0, (DateTime?)null), (held.AvailableAt, held.Attempts, held.SentAt));
        Assert.NotNull((await _world.RowAsync(elsewhere)).SentAt);
        Assert.Equal(["CBUSY", "CQUIET"], Posts.Select(Channel).Order());

        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Equal(0, await _world.Dispatcher.RunOnceAsync(Ct));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, await RoundAsync());
        Assert.Equal(1, await RoundAsync());

        Assert.NotNull((await _world.RowAsync(first)).SentAt);
        Assert.NotNull((await _world.RowAsync(second)).SentAt);
        var busy = Posts.Where(p => Channel(p) == "CBUSY").ToList();
        Assert.Equal(3, busy.Count);
        // In the order they were written, and paced a second apart in the channel.
        Assert.Contains("First", busy[1].Body, StringComparison.Ordinal);
        Assert.Contains("Second", busy[2].Body, StringComparison.Ordinal);
        // The pacer spaces the sends by a second; arrivals are stamped by a clock the test moves in 0.1 s steps.
        Assert.True(busy[2].At - busy[1].At >= TimeSpan.FromSeconds(0.9), $"Posts to one channel {busy[2].At - busy[1].At} apart.");
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    public async Task A_gone_channel_is_marked_tells_the_handler_once_and_is_never_retried(string error)
    {
        var id = await _world.AddAsync(OutboxWorld.Row("CGONE", "Gone", _time.GetUtcNow()));
        Script(FakeResponse.Ok($$"""{"ok":false,"error":"{{error}}"}"""));

        // One post, no pacing wait: the round runs at the fake clock's time, so failed_at is exact.
        await _world.Dispatcher.RunOnceAsync(Ct);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await _world.Dispatcher.RunOnceAsync(Ct));

        var row = await _world.RowAsync(id);
        Assert.Equal((true, OutboxWorld.Start.UtcDateTime, (DateTime?)null), (row.Gone, row.FailedAt, row.SentAt));
        Assert.Contains(error, row.LastError, StringComparison.Ordinal);
        Assert.Equal([id], _world.Heard);
        Assert.Single(Posts);
    }

    [Fact]
    public async Task An_alert_to_a_gone_channel_turns_its_subscription_off_through_the_dispatcher_and_tells_its_creator()
    {
        // The real handlers run inside the dispatcher's transaction, on its connection.
        var userId = await _world.WithDbAsync(async db =>
        {
            var user = new User { Email = "sub@example.com", Name = "Sub Scriber" };
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
            db.AlertSubscriptions.Add(new AlertSubscription
            {
                Platform = ChatPlatform.Slack, ChannelId = "CGONE", Kinds = "stalled_deal", CreatedByUserId = user.Id, CreatedAt = _time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(Ct);
            return user.Id;
        });
        var row = OutboxWorld.Row("CGONE", "Stalled deal: Acme", _time.GetUtcNow());
        row.Kind = RevBot.Core.Alerts.Delivery.AlertRouter.OutboxKind;
        var id = await _world.AddAsync(row);
        Script(FakeResponse.Ok("""{"ok":false,"error":"is_archived"}"""));

        await _world.Dispatcher.RunOnceAsync(Ct);

        Assert.True((await _world.RowAsync(id)).Gone);
        var (subscription, told) = await _world.WithDbAsync(async db => (
            await db.AlertSubscriptions.AsNoTracking().SingleAsync(Ct),
            await db.Outbox.AsNoTracking().Where(m => m.RecipientUserId == userId).ToListAsync(Ct)));
        Assert.Equal((false, "channel archived or removed"), (subscription.Active, subscription.DisabledReason));
        Assert.Equal("Alert subscription turned off", ReplyJson.Deserialize(Assert.Single(told).Payload).Title);
    }

    [Theory]
    [InlineData("invalid_blocks")]
    [InlineData("invalid_auth")]
    public async Task A_refused_message_fails_without_the_gone_handler_and_is_never_retried(string error)
    {
        var id = await _world.AddAsync(OutboxWorld.Row("CBAD", "Bad", _time.GetUtcNow()));
        Script(FakeResponse.Ok($$"""{"ok":false,"error":"{{error}}"}"""));

        // One post, no pacing wait: the round runs at the fake clock's time, so failed_at is exact.
        await _world.Dispatcher.RunOnceAsync(Ct);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await _world.Dispatcher.RunOnceAsync(Ct));

        var row = await _world.RowAsync(id);
        Assert.Equal((false, OutboxWorld.Start.UtcDateTime), (row.Gone, row.FailedAt));
        Assert.Contains(error, row.LastError, StringComparison.Ordinal);
        Assert.Empty(_world.Heard);
        Assert.Single(Posts);
    }

    [Fact]
    public async Task A_row_for_a_platform_with_no_sender_is_kept_and_retried_with_the_reason()
    {
        var id = await _world.AddAsync(OutboxWorld.Row("19:cs@thread.tacv2", "Teams", _time.GetUtcNow(), platform: ChatPlatform.Teams));

        await RoundAsync();
        _time.Advance(FirstBackoff);
        await RoundAsync();

        var row = await _world.RowAsync(id);
        Assert.Equal((2, (DateTime?)null, (DateTime?)null), (row.Attempts, row.SentAt, row.FailedAt));
        Assert.Contains("No sender for platform 'teams'", row.LastError, StringComparison.Ordinal);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_person_is_found_by_email_remembered_and_messaged_by_their_Slack_id()
    {
        var userId = await AddUserAsync("Owner@Example.com", "Owner");
        var first = await _world.AddAsync(OutboxWorld.Row("", "For you", _time.GetUtcNow(), recipient: userId));

        await RoundAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await _world.AddAsync(OutboxWorld.Row("", "Again", _time.GetUtcNow(), recipient: userId));
        await RoundAsync();

        Assert.NotNull((await _world.RowAsync(first)).SentAt);
        Assert.Single(_slack.Calls("users.lookupByEmail"));
        Assert.Contains("Owner%40Example.com", _slack.Calls("users.lookupByEmail").Single().Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["UFOUND01", "UFOUND01"], Posts.Select(Channel));
        Assert.Equal("UFOUND01", await _world.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SlackUserId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_lookup_answered_ok_without_a_user_is_tried_again_not_a_crash()
    {
        var userId = await AddUserAsync("odd@example.com", "Odd");
        var id = await _world.AddAsync(OutboxWorld.Row("", "For you", _time.GetUtcNow(), recipient: userId));
        Script(FakeResponse.Ok("""{"ok":true}"""));

        await RoundAsync();

        var row = await _world.RowAsync(id);
        Assert.Equal((1, false, (DateTime?)null, (DateTime?)null), (row.Attempts, row.Gone, row.SentAt, row.FailedAt));
        Assert.Contains("without a user id", row.LastError, StringComparison.Ordinal);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task A_person_Slack_does_not_know_is_gone()
    {
        var userId = await AddUserAsync("left@example.com", "Left");
        var id = await _world.AddAsync(OutboxWorld.Row("", "For you", _time.GetUtcNow(), recipient: userId));
        Script(FakeResponse.Ok("""{"ok":false,"error":"users_not_found"}"""));

        await RoundAsync();

        Assert.True((await _world.RowAsync(id)).Gone);
        Assert.Equal([id], _world.Heard);
        Assert.Empty(Posts);
    }

    [Fact]
    public async Task The_depth_counts_rows_still_to_send_and_the_oldest_due_wait()
    {
        await _world.AddAsync(OutboxWorld.Row("CDEPTH", "Old", _time.GetUtcNow().AddMinutes(-10)));
        await _world.AddAsync(OutboxWorld.Row("CDEPTH", "Now", _time.GetUtcNow()));
        await _world.AddAsync(OutboxWorld.Row("CDEPTH", "Later", _time.GetUtcNow().AddHours(1)));

        await using var scope = _world.Services.CreateAsyncScope();
        var depth = await scope.ServiceProvider.GetRequiredService<OutboxMonitor>().GetDepthAsync(Ct);

        Assert.Equal(new OutboxDepth(3, 2, TimeSpan.FromMinutes(10)), depth);
    }
}
