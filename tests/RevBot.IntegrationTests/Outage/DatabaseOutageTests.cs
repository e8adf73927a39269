using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outage;

/// <summary>
/// The fault suite: the real host on PostgreSQL behind a proxy the test cuts. While the database is unreachable every
/// endpoint answers (the API 503 with a problem body and Retry-After, Teams updates 503 for a retry, everything else 2xx),
/// every person is told the data can't be reached, and nothing changes. Restored, the same requests succeed without a
/// restart (no broken pooled connection keeps failing), and outbox rows queued before the cut are each delivered once,
/// in order per conversation.
/// </summary>
public sealed class DatabaseOutageTests
{
    // Matched without apostrophes: JSON writers may escape them.
    private const string Unreachable = "reach the revenue data right now";
    private const string UnreachableEs = "no puedo llegar a los datos";
    private const string NothingChanged = "nothing was changed";
    private const string NothingChangedEs = "no se ha cambiado nada";
    private const string Question = "pipeline this quarter";
    private const string QuestionEs = "pipeline de este trimestre";
    private static readonly string[] OutboxChannels = [OutageWorld.OutboxChannelPrefix + "1", OutageWorld.OutboxChannelPrefix + "2"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_surface_answers_clearly_while_the_database_is_cut_changes_nothing_and_recovers_without_a_restart()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var world = await OutageWorld.StartAsync(Ct);
        var deal = await OpenDealAsync(world);
        var update = world.ConversationUpdate();

        // Before: everything works, and the host's pool holds connections the cut will break.
        await RoundAsync(world, 1, deal, outage: false, world.ConversationUpdate());

        var before = await Fingerprint.ReadAsync(world);
        world.Proxy.Cut();
        await RoundAsync(world, 2, deal, outage: true, update);
        Assert.True(world.Proxy.Refused > 0, "The host never tried to reach the database during the cut.");
        // Handled, so logged as warnings: an Error entry would page someone for what the users were already told.
        Assert.True(world.Errors.Entries.IsEmpty, $"Logged at Error during the cut: {string.Join(" | ", world.Errors.Entries.Take(5))}");

        // Restored, without a restart: ready at once, or on the second look if the first found a pooled connection the
        // cut broke (see the short cut below).
        world.Proxy.Restore();
        var ready = (await world.Http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode;
        if (ready != HttpStatusCode.OK) ready = (await world.Http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode;
        Assert.Equal(HttpStatusCode.OK, ready);
        // Nothing asked during the cut was applied then, or later once the database was back.
        Assert.Equal(before, await Fingerprint.ReadAsync(world));
        // Teams sends the update it was refused again (same id): now stored and answered.
        await RoundAsync(world, 3, deal, outage: false, update);

        // A short cut with no request during it leaves every idle pooled connection broken. Npgsql does not test a
        // connection it hands out, so the first request may find one (and gets the documented 503); Npgsql then clears
        // the pool, and no request after it may fail.
        world.Proxy.Cut();
        world.Proxy.Restore();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var got = await world.Http.GetAsync(new Uri($"/api/deals/{deal}", UriKind.Relative), Ct);
            statuses.Add(got.StatusCode);
        }
        Assert.Contains(statuses[0], new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        Assert.True(statuses.Skip(1).All(s => s == HttpStatusCode.OK), $"After the restore: {string.Join(", ", statuses.Select(s => (int)s))}");
    }

    [Fact]
    public async Task Outbox_rows_queued_before_a_cut_are_each_delivered_once_in_order_soon_after_it()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var world = await OutageWorld.StartAsync(Ct);

        // Rows to two conversations. Slack refuses them until the database is back (so they are retried), and holds
        // the first post until the cut: a send in flight when the database goes, whose outcome can't be recorded.
        var rows = OutboxChannels.SelectMany(c => Enumerable.Range(0, 4).Select(i => (Channel: c, Title: $"outage-row-{c}-{i}"))).ToList();
        await world.QueueOutboxAsync(rows, Ct);
        await world.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        world.Proxy.Cut();
        world.ReleaseFirst();
        await Until(() => Task.FromResult(world.Proxy.Refused > 0), "the dispatcher to find the database gone");
        world.OutboxSlackDown = false;
        world.Proxy.Restore();

        // Claims stranded by the cut are given back once the database returns, not after their whole lease (minutes).
        var waiting = DateTime.UtcNow;
        try
        {
            await Until(async () => await world.DirectAsync(db => db.Outbox.CountAsync(m => EF.Functions.Like(m.ChannelId, OutageWorld.OutboxChannelPrefix + "%") && m.SentAt == null, Ct)) == 0,
                "every queued outbox row to be sent", seconds: 60);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            var states = await world.DirectAsync(db => db.Outbox.AsNoTracking().Where(m => EF.Functions.Like(m.ChannelId, OutageWorld.OutboxChannelPrefix + "%")).OrderBy(m => m.Id)
                .Select(m => $"{m.ChannelId} #{m.Id}: attempts {m.Attempts}, sent {m.SentAt:HH:mm:ss.f}, failed {m.FailedAt:HH:mm:ss}, due {m.AvailableAt:HH:mm:ss.f} ({m.LastError})").ToListAsync(Ct));
            throw new Xunit.Sdk.XunitException($"{ex.Message} Waiting since {waiting:HH:mm:ss.f}; rows: {string.Join("; ", states)}");
        }
        foreach (var channel in OutboxChannels)
        {
            var titles = rows.Where(r => r.Channel == channel).Select(r => r.Title).ToList();
            var sent = world.Delivered.Where(d => d.Channel == channel).Select(d => titles.Single(t => d.Body.Contains(t, StringComparison.Ordinal))).ToList();
            Assert.True(titles.SequenceEqual(sent), $"{channel}: Slack received [{string.Join(", ", sent)}]; expected each row once, in the order written: [{string.Join(", ", titles)}].");
        }
    }

    private static Task<string> OpenDealAsync(OutageWorld world) => world.DirectAsync(db =>
        db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Open && d.OwnerId != null).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct));

    /// <summary>Every endpoint once. In an outage: the documented 503s, everyone told; otherwise: success, nobody told.</summary>
    private static async Task RoundAsync(OutageWorld world, int round, string dealId, bool outage, JsonObject update)
    {
        var tag = $"round{round}";
        var unexpected = new List<string>();
        void Expect(string what, HttpResponseMessage response, HttpStatusCode normal)
        {
            var wanted = outage && what.StartsWith("api", StringComparison.Ordinal) ? HttpStatusCode.ServiceUnavailable : normal;
            if (response.StatusCode != wanted) unexpected.Add($"{what}: {(int)response.StatusCode}, expected {(int)wanted}");
        }

        // The HTTP API: 503 + problem body + Retry-After while out.
        var version = await world.DirectAsync(db => db.Deals.Where(d => d.Id == dealId).Select(d => d.Version).SingleAsync(Ct));
        var api = new List<(string What, HttpResponseMessage Response)>
        {
            ("api ask", await world.Http.PostAsJsonAsync("/api/ask", new { question = Question, user = world.Host.RepEmail }, Ct)),
            ("api get deal", await world.Http.GetAsync(new Uri($"/api/deals/{dealId}", UriKind.Relative), Ct)),
            ("api history", await world.Http.GetAsync(new Uri($"/api/deals/{dealId}/history", UriKind.Relative), Ct)),
            ("api patch", await world.PatchAsync(dealId, version, $$"""{"nextStep": "Call back ({{tag}})"}""", Ct)),
            ("api readyz", await world.Http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)),
        };
        foreach (var (what, response) in api)
        {
            Expect(what, response, HttpStatusCode.OK);
            if (!outage || what == "api readyz") continue;
            Assert.Equal("10", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("be reached right now", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await world.Http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);

        // Slack: a mention, a slash command, an "ask" button, a deal button and a deal form submission.
        var ts = $"170000080{round}.000100";
        Expect("slack event", await world.SlackAsync(SlackEndpoints.EventsPath, OutageWorld.Mention($"Ev-outage-{tag}", "COUTEV", ts, Question)), HttpStatusCode.OK);
        Expect("slack command", await world.SlackAsync(SlackEndpoints.CommandsPath, world.Command(Question, $"cmd-{tag}")), HttpStatusCode.OK);
        // A Spanish question is told in Spanish: Slack sends no locale, so the question's language decides.
        Expect("slack command es", await world.SlackAsync(SlackEndpoints.CommandsPath, world.Command(QuestionEs, $"cmdes-{tag}")), HttpStatusCode.OK);
        Expect("slack ask button", await world.SlackAsync(SlackEndpoints.InteractivityPath, world.Press("ask", Question, $"ask-{tag}")), HttpStatusCode.OK);
        Expect("slack deal button", await world.SlackAsync(SlackEndpoints.InteractivityPath, world.Press("deal.open", dealId, $"deal-{tag}")), HttpStatusCode.OK);
        using var submitted = await world.SlackAsync(SlackEndpoints.InteractivityPath, OutageWorld.Submission(dealId));
        Expect("slack form", submitted, HttpStatusCode.OK);
        Told("slack form", await submitted.Content.ReadAsStringAsync(Ct), outage, NothingChanged);

        // Teams: a message (from a Spanish client), the install update, an "ask" card button and a deal card button.
        var conversation = $"a:outage-chat-{tag}";
        Expect("teams message", await world.TeamsAsync(world.Activity("message", conversation, Question, "es-ES"), Ct), HttpStatusCode.OK);
        var updated = await world.TeamsAsync(update, Ct);
        if (updated.StatusCode != (outage ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK))
            unexpected.Add($"teams conversationUpdate: {(int)updated.StatusCode}");
        foreach (var (verb, data, locale, sentence) in new[]
        {
            ("ask", new JsonObject { ["value"] = Question }, (string?)null, Unreachable),
            ("deal.open", new JsonObject { ["value"] = dealId }, "es-ES", NothingChangedEs),
        })
        {
            using var invoked = await world.TeamsAsync(world.Invoke(verb, data, locale), Ct);
            Expect($"teams invoke {verb}", invoked, HttpStatusCode.OK);
            var body = JsonDocument.Parse(await invoked.Content.ReadAsStringAsync(Ct)).RootElement;
            // Both are drill-downs: the invoke response is a short message (the card pressed stays); in an outage it says so.
            Assert.Equal((200, "application/vnd.microsoft.activity.message"), (body.GetProperty("statusCode").GetInt32(), body.GetProperty("type").GetString()));
            Told($"teams invoke {verb}", body.GetProperty("value").GetString()!, outage, sentence);
        }
        Assert.True(unexpected.Count == 0, $"{tag}: {string.Join("; ", unexpected)}");

        // What each person saw afterwards, from the fakes.
        Told("slack event", (await world.Host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains(ts, StringComparison.Ordinal))).Last().Body, outage, Unreachable);
        Told("slack command", (await world.Host.WaitForAsync(r => r.Method == $"/respond/cmd-{tag}")).Last().Body, outage, Unreachable);
        Told("slack command es", (await world.Host.WaitForAsync(r => r.Method == $"/respond/cmdes-{tag}")).Last().Body, outage, UnreachableEs);
        Told("slack ask button", (await world.Host.WaitForAsync(r => r.Method == $"/respond/ask-{tag}")).Last().Body, outage, Unreachable);
        Told("slack deal button", (await world.Host.WaitForAsync(r => r.Method == $"/respond/deal-{tag}")).Last().Body, outage, NothingChanged);
        var answer = await Until(() => world.Connector.Requests.LastOrDefault(r => r.Path.Contains(conversation, StringComparison.Ordinal) && r.Body.Contains("attachments", StringComparison.Ordinal)),
            $"the Teams answer in {conversation}");
        Told("teams message", answer.Body, outage, UnreachableEs);
    }

    private static void Told(string what, string body, bool outage, string sentence)
    {
        var told = body.Contains(sentence, StringComparison.Ordinal) || body.Contains(Unreachable, StringComparison.Ordinal) || body.Contains(UnreachableEs, StringComparison.Ordinal);
        Assert.True(outage ? body.Contains(sentence, StringComparison.Ordinal) : !told,
            $"{what}: {(outage ? $"expected \"{sentence}\"" : "told the data can't be reached while it could")}: {body[..Math.Min(body.Length, 600)]}");
    }

    /// <summary>Polls (bounded, in real time) until <paramref name="value"/> returns something; the awaited signal of the fakes and the database.</summary>
    private static async Task<T> Until<T>(Func<T?> value, string what, int seconds = 30) where T : class
    {
        T? found = null;
        Assert.True(await Wait.UntilAsync(() => (found = value()) is not null, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(50)), $"Waited {seconds}s for {what}.");
        return found!;
    }

    private static async Task Until(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        Assert.True(await Wait.UntilAsync(condition, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(100)), $"Waited {seconds}s for {what}.");
    }

    /// <summary>What a request could have changed: deal versions and the rows a change writes.</summary>
    private sealed record Fingerprint(long Versions, int Audit, int StageChanges, int Handoffs, int Commands, int Outbox, int Conversations)
    {
        public static Task<Fingerprint> ReadAsync(OutageWorld world) => world.DirectAsync(async db => new Fingerprint(
            await db.Deals.SumAsync(d => (long)d.Version, Ct), await db.AuditLog.CountAsync(Ct), await db.DealStageHistory.CountAsync(Ct),
            await db.Handoffs.CountAsync(Ct), await db.AppliedCommands.CountAsync(Ct), await db.Outbox.CountAsync(Ct),
            await db.ConversationReferences.CountAsync(Ct)));
    }
}
