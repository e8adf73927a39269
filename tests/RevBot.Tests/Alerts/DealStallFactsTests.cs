using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Alerts;

/// <summary>
/// What the stalled-deal rule reads of each open deal without probing two tables per deal: its entry into its current
/// stage (<see cref="Deal.CurrentStageEnteredAt"/>) and its latest activity (<see cref="Deal.LastActivityAt"/>), kept by
/// the database's triggers whoever writes the history, the activities or the deal's stage, and written by the demo's
/// bulk load as the triggers would.
/// </summary>
public sealed class DealStallFactsTests(DemoCompanyFixture demo)
{
    private static readonly DateTime T0 = new(2025, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T1 = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T2 = new(2026, 2, 9, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T3 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_current_stage_s_entry_follows_the_history_and_the_deal_s_stage(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal { Id = "d1", Stage = "Discovery", Amount = 100m });
            db.Deals.Add(new Deal { Id = "d2", Stage = "Discovery", Amount = 50m });
            await db.SaveChangesAsync(Ct);
            db.DealStageHistory.Add(new DealStageChange { DealId = "d1", Stage = "Discovery", EnteredAt = T1 });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(T1, await EnteredAsync(database, "d1"));
        Assert.Null(await EnteredAsync(database, "d2"));

        await using (var db = database.NewContext())
        {
            // The move's history row first, the deal's stage after: until the deal says Proposal, Discovery's entry counts.
            db.DealStageHistory.Add(new DealStageChange { DealId = "d1", Stage = "Proposal", EnteredAt = T2 });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(T1, await EnteredAsync(database, "d1"));
            var deal = await db.Deals.SingleAsync(d => d.Id == "d1", Ct);
            deal.Stage = "Proposal";
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(T2, await EnteredAsync(database, "d1"));

        await using (var db = database.NewContext())
        {
            // A backdated entry into the same stage is not the latest; a later one is.
            db.DealStageHistory.Add(new DealStageChange { DealId = "d1", Stage = "Proposal", EnteredAt = T0 });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(T2, await EnteredAsync(database, "d1"));
            // The deal first, its history row after (raw SQL, as syncs write): back to Discovery, which it entered at T1
            // until the history says it re-entered at T3.
            await db.Database.ExecuteSqlRawAsync("UPDATE deals SET stage = 'Discovery' WHERE id = 'd1'", Ct);
            Assert.Equal(T1, await EnteredAsync(database, "d1"));
            db.DealStageHistory.Add(new DealStageChange { DealId = "d1", Stage = "Discovery", EnteredAt = T3 });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(T3, await EnteredAsync(database, "d1"));
        }

        await using (var db = database.NewContext())
        {
            // A history corrected by a sync: the latest entry removed, then an entry moved in time and one relabelled.
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.EnteredAt == T3).ExecuteDeleteAsync(Ct);
            Assert.Equal(T1, await EnteredAsync(database, "d1"));
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.EnteredAt == T1).ExecuteUpdateAsync(u => u.SetProperty(s => s.EnteredAt, T0.AddDays(1)), Ct);
            Assert.Equal(T0.AddDays(1), await EnteredAsync(database, "d1"));
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.EnteredAt == T2).ExecuteUpdateAsync(u => u.SetProperty(s => s.Stage, "Discovery"), Ct);
            Assert.Equal(T2, await EnteredAsync(database, "d1"));
            // Moved to another deal: both deals follow.
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.EnteredAt == T2).ExecuteUpdateAsync(u => u.SetProperty(s => s.DealId, "d2"), Ct);
            Assert.Equal(T0.AddDays(1), await EnteredAsync(database, "d1"));
            Assert.Equal(T2, await EnteredAsync(database, "d2"));
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.Stage == "Discovery").ExecuteDeleteAsync(Ct);
        }
        Assert.Null(await EnteredAsync(database, "d1"));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_last_activity_follows_inserts_updates_and_deletes_in_any_order(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Accounts.Add(new Account { Id = "a1", Name = "Acme" });
            db.Deals.Add(new Deal { Id = "d1", Stage = "Discovery", Amount = 100m, AccountId = "a1" });
            db.Deals.Add(new Deal { Id = "d2", Stage = "Discovery", Amount = 50m, AccountId = "a1" });
            await db.SaveChangesAsync(Ct);
            db.Activities.Add(new Activity { Id = "x2", OccurredAt = T2, DealId = "d1" });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((T2, null), await LastAsync(database));

        await using (var db = database.NewContext())
        {
            // Backdated, then one on the account only (no deal), then several in one statement.
            db.Activities.Add(new Activity { Id = "x1", OccurredAt = T1, DealId = "d1" });
            db.Activities.Add(new Activity { Id = "xa", OccurredAt = T3, AccountId = "a1" });
            await db.SaveChangesAsync(Ct);
            Assert.Equal((T2, null), await LastAsync(database));
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO activities (id, type, occurred_at, deal_id) VALUES ('x3', 'call', {0}, 'd2'), ('x4', 'call', {1}, 'd2')", [T0, T3], Ct);
            Assert.Equal((T2, T3), await LastAsync(database));

            // Moved in time (the latest becomes the earliest), moved to another deal, deleted.
            await db.Activities.Where(a => a.Id == "x2").ExecuteUpdateAsync(u => u.SetProperty(a => a.OccurredAt, T0), Ct);
            Assert.Equal((T1, T3), await LastAsync(database));
            await db.Activities.Where(a => a.Id == "x4").ExecuteUpdateAsync(u => u.SetProperty(a => a.DealId, "d1"), Ct);
            Assert.Equal((T3, T0), await LastAsync(database));
            await db.Activities.Where(a => a.Id == "xa").ExecuteUpdateAsync(u => u.SetProperty(a => a.DealId, "d2"), Ct);
            Assert.Equal((T3, T3), await LastAsync(database));
            await db.Activities.Where(a => a.DealId == "d1").ExecuteDeleteAsync(Ct);
        }
        Assert.Equal((null, T3), await LastAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_demo_s_deals_carry_their_current_stage_entry_and_last_activity(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var db = database.NewContext();
        var deals = await db.Deals.AsNoTracking().Select(d => new { d.Id, d.Stage, d.CurrentStageEnteredAt, d.LastActivityAt }).ToListAsync(Ct);
        var entered = (await db.DealStageHistory.AsNoTracking().Select(s => new { s.DealId, s.Stage, s.EnteredAt }).ToListAsync(Ct))
            .GroupBy(s => (s.DealId, s.Stage)).ToDictionary(g => g.Key, g => g.Max(s => s.EnteredAt));
        var last = (await db.Activities.AsNoTracking().Where(a => a.DealId != null).GroupBy(a => a.DealId!).Select(g => new { g.Key, At = g.Max(a => a.OccurredAt) }).ToListAsync(Ct))
            .ToDictionary(a => a.Key, a => a.At, StringComparer.Ordinal);

        Assert.NotEmpty(deals);
        Assert.Contains(deals, d => d.CurrentStageEnteredAt is not null);
        Assert.Contains(deals, d => d.LastActivityAt is not null);
        Assert.All(deals, d =>
        {
            Assert.Equal(entered.TryGetValue((d.Id, d.Stage), out var e) ? e : null, d.CurrentStageEnteredAt);
            Assert.Equal(last.TryGetValue(d.Id, out var a) ? a : null, d.LastActivityAt);
        });
    }

    private static async Task<DateTime?> EnteredAsync(TestDatabase database, string id)
    {
        await using var db = database.NewContext();
        return (await db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct)).CurrentStageEnteredAt;
    }

    private static async Task<(DateTime? D1, DateTime? D2)> LastAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var deals = await db.Deals.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.LastActivityAt, Ct);
        return (deals["d1"], deals["d2"]);
    }
}

/// <summary>
/// <see cref="AlertDataset"/> with rows later than its "now": a scan as of that day must read the latest entry and
/// activity up to now, not the stored latest ones (<see cref="Deal.CurrentStageEnteredAt"/>, <see cref="Deal.LastActivityAt"/>).
/// </summary>
public sealed class LaterRowsDatabase() : AlertsDatabase(SeedAsync)
{
    private static async Task SeedAsync(RevBotDb db)
    {
        await AlertDataset.SeedAsync(db);
        var later = AlertDataset.Now.AddDays(2);
        db.Activities.Add(new Activity { Id = "later-quiet", OccurredAt = later, DealId = "quiet" });
        db.Activities.Add(new Activity { Id = "later-never", OccurredAt = later, DealId = "never" });
        db.DealStageHistory.Add(new DealStageChange { DealId = "stuck", Stage = "Proposal", EnteredAt = later });
        // The stalled renewal moves, but only after the scan's now: for churn it has still not moved in 14 days.
        db.Activities.Add(new Activity { Id = "later-renewal", OccurredAt = later, DealId = "renewal-stalled" });
        db.DealStageHistory.Add(new DealStageChange { DealId = "renewal-stalled", Stage = "Closing", EnteredAt = later });
        // The moving renewal moves again after now: its moves inside the window still count.
        db.Activities.Add(new Activity { Id = "later-moving", OccurredAt = later, DealId = "renewal-moving" });
        db.DealStageHistory.Add(new DealStageChange { DealId = "renewal-moving", Stage = "Closing", EnteredAt = later });
        await db.SaveChangesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LaterRowsCollection : ICollectionFixture<LaterRowsDatabase>
{
    public const string Name = "alerts-later-rows";
}

[Collection(LaterRowsCollection.Name)]
public sealed class StalledAsOfAPastDayTests(LaterRowsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Entries_and_activities_after_the_scan_s_now_do_not_count_for_stalled_deals_or_renewals(DbProvider provider)
    {
        var found = (await data.ScanAsync(provider, only: AlertKind.StalledDeal)).ToDictionary(f => f.SubjectId);

        Assert.Equal(["in Proposal for 40 days (the norm is 32.5)"], found["stuck"].Reasons.Select(r => r.Text));
        Assert.Equal(["no activity for 20 days"], found["quiet"].Reasons.Select(r => r.Text));
        Assert.Equal(["no activity since it was created 16 days ago"], found["never"].Reasons.Select(r => r.Text));
        var everyScore = new Dictionary<string, string?> { ["Alerts:Churn:MinScore"] = "1" };
        var accounts = await data.ScanAsync(provider, everyScore, only: AlertKind.ChurnRisk);
        var churn = accounts.Single(f => f.SubjectId == "acc-stalled-renewal");
        Assert.Contains("renews in 20 days and the renewal deal has not moved in 14 days", churn.Reasons.Select(r => r.Text));
        Assert.DoesNotContain(accounts, f => f.SubjectId == "acc-moving" && f.Reasons.Any(r => r.Code == ChurnRiskReasons.Renewal));
        // And the stored values are the later ones, so the probes above were the ones that answered.
        var stored = await data.UseAsync(provider, db => db.Deals.AsNoTracking().Where(d => d.Id == "stuck" || d.Id == "quiet" || d.Id == "never")
            .ToDictionaryAsync(d => d.Id, d => (d.CurrentStageEnteredAt, d.LastActivityAt), TestContext.Current.CancellationToken));
        Assert.Equal(AlertDataset.Now.AddDays(2), stored["stuck"].CurrentStageEnteredAt);
        Assert.Equal(AlertDataset.Now.AddDays(2), stored["quiet"].LastActivityAt);
        Assert.Equal(AlertDataset.Now.AddDays(2), stored["never"].LastActivityAt);
        var renewal = await data.UseAsync(provider, db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == "renewal-stalled", TestContext.Current.CancellationToken));
        Assert.Equal((AlertDataset.Now.AddDays(2), AlertDataset.Now.AddDays(2)), (renewal.LastActivityAt, renewal.StageEnteredAt));
    }
}
