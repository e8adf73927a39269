using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using RevBot.Core.Alerts;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Sources.Sync;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// The sync runner's contract on real SQLite and PostgreSQL, with a scripted connector: batches commit with their
/// cursors, an interrupted run resumes without duplicates, refused records are listed, deletions cascade, a dry run
/// writes nothing, one run per system at a time, and RevOps hears of a failure streak once.
/// </summary>
public sealed class SyncRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SyncRunner Runner(SyncOptions? options = null) =>
        new(new FakeTimeProvider(Start), NullLogger<SyncRunner>.Instance, options is null ? null : Options.Create(options));

    private static ScriptedStep[] Script() =>
    [
        new("owners", "1", ScriptedRows.Owners),
        new("companies", "1", ScriptedRows.Companies),
        new("deals", "0001", () => ScriptedRows.Deals(("D1", "100"), ("D2", "200"))),
        new("deals", "0002", () => ScriptedRows.Deals(("D3", "300"), ("D4", "400"))),
    ];

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Batches_commit_with_their_cursors_and_a_refused_record_is_listed_with_its_id_and_reason(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var script = Script();
        script[3] = new("deals", "0002", () => ScriptedRows.Deals(("D3", "12k"), ("D4", "400")));
        var connector = new ScriptedConnector(SourceSystem.Hubspot, script);
        await using var db = test.NewContext();

        var run = (await Runner().RunAsync(db, connector, new SyncRequest(), Ct)).Run!;

        Assert.Null(run.Error);
        Assert.Equal((6, 5, 0, 1), (run.Read, run.Written, run.Deleted, run.Skipped));
        Assert.Equal(["hubspot:D1", "hubspot:D2", "hubspot:D4"], await DealIdsAsync(test));
        Assert.Equal(new Dictionary<string, string> { ["companies"] = "1", ["deals"] = "0002", ["owners"] = "1" }, await CursorsAsync(test));
        var skipped = Assert.Single(JsonDocument.Parse(run.Details!).RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("deals", skipped.GetProperty("object").GetString());
        Assert.Equal("D3", skipped.GetProperty("id").GetString());
        Assert.Equal("amount: '12k' is not a number", skipped.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_interrupted_run_keeps_its_committed_batches_and_the_next_resumes_after_them_without_duplicates(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var script = Script();
        script[3].Failures = 1;
        var connector = new ScriptedConnector(SourceSystem.Hubspot, script);
        await using var db = test.NewContext();

        var failed = (await Runner().RunAsync(db, connector, new SyncRequest(), Ct)).Run!;
        Assert.Equal("deals answered 503 Service Unavailable", failed.Error);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(["hubspot:D1", "hubspot:D2"], await DealIdsAsync(test));
        Assert.Equal("0001", (await CursorsAsync(test))["deals"]);

        var resumed = (await Runner().RunAsync(db, connector, new SyncRequest(), Ct)).Run!;
        Assert.Null(resumed.Error);
        Assert.Equal("0001", connector.Reads.Last()["deals"]);
        // Only the batch after the last committed one was read again.
        Assert.Equal((2, 2), (resumed.Read, resumed.Written));
        Assert.Equal(["hubspot:D1", "hubspot:D2", "hubspot:D3", "hubspot:D4"], await DealIdsAsync(test));

        // Everything again (--full): upserts by the source's id, so nothing is added and nothing changes.
        var full = (await Runner().RunAsync(db, connector, new SyncRequest(Full: true), Ct)).Run!;
        Assert.Equal((6, 0), (full.Read, full.Written));
        Assert.Equal(4, (await DealIdsAsync(test)).Count);
        Assert.Empty(connector.Reads.Last());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deleted_deal_goes_with_its_hand_offs_and_crm_writes_while_alerts_and_applied_commands_stay_as_records(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.NewContext();
        await Runner().RunAsync(db, new ScriptedConnector(SourceSystem.Hubspot, Script()), new SyncRequest(), Ct);
        var at = Start.UtcDateTime;
        db.Handoffs.Add(new Handoff { DealId = "hubspot:D1", Kind = HandoffKinds.Onboarding, CreatedAt = at });
        db.CrmWrites.Add(new CrmWrite { System = SourceSystem.Hubspot, DealId = "hubspot:D1", Changes = "{\"stage\":\"won\"}", CreatedAt = at, AvailableAt = at });
        db.AppliedCommands.Add(new AppliedCommand { Key = "k1", Kind = "deal.update", EntityId = "hubspot:D1", AppliedAt = at, Outcome = "{}" });
        db.Alerts.Add(new Alert
        {
            Kind = "stalled_deal", SubjectId = "hubspot:D1", SubjectName = "Deal D1", ReasonCode = "stalled", Reason = "stalled",
            Recipients = "[]", FirstSeenAt = at, LastSeenAt = at,
        });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var deletion = new ScriptedConnector(SourceSystem.Hubspot, new ScriptedStep("deals", "0003", () => new CanonicalRows("hubspot deals").Delete("deals.csv", "hubspot:D1")) { Read = 1 });

        var run = (await Runner().RunAsync(db, deletion, new SyncRequest(), Ct)).Run!;

        Assert.Null(run.Error);
        Assert.Equal(1, run.Deleted);
        Assert.Equal(["hubspot:D2", "hubspot:D3", "hubspot:D4"], await DealIdsAsync(test));
        await using var check = test.NewContext();
        Assert.Empty(await check.Handoffs.ToListAsync(Ct));
        Assert.Empty(await check.CrmWrites.ToListAsync(Ct));
        // An alert and an applied command name the deal by id as a record of what happened; nothing refers to the row.
        Assert.Single(await check.Alerts.ToListAsync(Ct));
        Assert.Single(await check.AppliedCommands.ToListAsync(Ct));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_dry_run_writes_nothing_but_counts_what_a_real_run_then_does(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var script = Script();
        script[3] = new("deals", "0002", () => ScriptedRows.Deals(("D3", "12k"), ("D4", "400")));
        await using var db = test.NewContext();

        var dry = (await Runner().RunAsync(db, new ScriptedConnector(SourceSystem.Hubspot, script), new SyncRequest(DryRun: true), Ct)).Run!;

        Assert.True(dry.DryRun);
        Assert.Null(dry.Error);
        Assert.Empty(await DealIdsAsync(test));
        Assert.Empty(await CursorsAsync(test));
        await using (var check = test.NewContext()) Assert.Empty(await check.Users.Where(u => u.Email == ScriptedRows.Owner).ToListAsync(Ct));
        var real = (await Runner().RunAsync(db, new ScriptedConnector(SourceSystem.Hubspot, script), new SyncRequest(), Ct)).Run!;
        Assert.Equal((real.Read, real.Written, real.Deleted, real.Skipped), (dry.Read, dry.Written, dry.Deleted, dry.Skipped));
        Assert.Equal(real.Details, dry.Details);
        Assert.Equal(3, (await DealIdsAsync(test)).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Two_concurrent_runs_of_one_system_one_runs_and_the_other_is_busy(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var held = new ScriptedConnector(SourceSystem.Hubspot, Script());
        held.Hold();
        await using var first = test.NewContext();
        await using var second = test.NewContext();
        var running = Runner().RunAsync(first, held, new SyncRequest(), Ct);
        await held.Started.WaitAsync(Wait.Patience, Ct);

        var other = new ScriptedConnector(SourceSystem.Hubspot, Script());
        var busy = await Runner().RunAsync(second, other, new SyncRequest(), Ct);
        // Another system is not held up by it.
        var stripe = await Runner().RunAsync(second, new ScriptedConnector(SourceSystem.Stripe), new SyncRequest(), Ct);
        held.Release();
        var ran = await running;

        Assert.True(busy.Busy);
        Assert.Empty(other.Reads);
        Assert.True(stripe.Succeeded);
        Assert.True(ran.Succeeded);
        await using var check = test.NewContext();
        Assert.Equal(1, await check.SyncRuns.CountAsync(r => r.System == SourceSystem.Hubspot, Ct));
        Assert.True((await Runner().RunAsync(second, other, new SyncRequest(), Ct)).Succeeded);
    }

    [Fact]
    public async Task On_postgresql_a_lock_held_by_another_instance_makes_the_run_busy_until_it_is_released()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Postgres);
        // Another instance's session: same database, its own connection, holding the system's advisory lock.
        await using var instance = new NpgsqlConnection(test.Target.ConnectionString);
        await instance.OpenAsync(Ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SyncLock.KeyOf(SourceSystem.Hubspot)})", instance)) await take.ExecuteNonQueryAsync(Ct);
        var connector = new ScriptedConnector(SourceSystem.Hubspot, Script());
        await using var db = test.NewContext();

        Assert.True((await Runner().RunAsync(db, connector, new SyncRequest(), Ct)).Busy);
        Assert.Empty(connector.Reads);

        await using (var free = new NpgsqlCommand($"SELECT pg_advisory_unlock({SyncLock.KeyOf(SourceSystem.Hubspot)})", instance)) await free.ExecuteNonQueryAsync(Ct);
        Assert.True((await Runner().RunAsync(db, connector, new SyncRequest(), Ct)).Succeeded);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task RevOps_hears_once_when_a_sync_starts_failing_and_once_when_it_works_again_in_their_language(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var options = new SyncOptions { AlertChannel = "slack:C0REVOPS", AlertLanguage = "es" };
        var script = Script();
        script[3].Failures = 2;
        var connector = new ScriptedConnector(SourceSystem.Hubspot, script);
        await using var db = test.NewContext();

        foreach (var expected in new[] { false, false, true })
            Assert.Equal(expected, (await Runner(options).RunAsync(db, connector, new SyncRequest(), Ct)).Succeeded);
        // A dry run, failing or not, is the operator's own business.
        await Runner(options).RunAsync(db, new ScriptedConnector(SourceSystem.Hubspot, new ScriptedStep("deals", "0009", () => ScriptedRows.Deals(("D9", "1"))) { Failures = 1 }),
            new SyncRequest(DryRun: true), Ct);

        await using var check = test.NewContext();
        var messages = await check.Outbox.OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal([SyncNotices.FailedKind, SyncNotices.RecoveredKind], messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal((ChatPlatform.Slack, "C0REVOPS"), (m.Platform, m.ChannelId)));
        var failed = ReplyJson.Deserialize(messages[0].Payload);
        Assert.Equal("La sincronización con HubSpot está fallando", failed.Title);
        Assert.Equal("La sincronización con HubSpot falló: deals answered 503 Service Unavailable. RevBot aún no tiene datos de HubSpot. Se reintenta cada 15 minutos; este canal tendrá noticias cuando vuelva a funcionar.", failed.Text);
        Assert.Equal("La sincronización con HubSpot volvió a funcionar (6 dic 2026, 09:00 UTC): los datos de HubSpot en RevBot están al día.", ReplyJson.Deserialize(messages[1].Payload).Text);
    }

    private static async Task<List<string>> DealIdsAsync(TestDatabase test)
    {
        await using var db = test.NewContext();
        return await db.Deals.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(Ct);
    }

    private static async Task<Dictionary<string, string>> CursorsAsync(TestDatabase test)
    {
        await using var db = test.NewContext();
        return (await db.SyncCursors.Where(c => c.System == SourceSystem.Hubspot).ToListAsync(Ct))
            .OrderBy(c => c.Object, StringComparer.Ordinal).ToDictionary(c => c.Object, c => c.Position);
    }
}
