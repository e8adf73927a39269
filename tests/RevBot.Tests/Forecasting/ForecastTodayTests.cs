using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Periods;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// Today's slices (<see cref="ForecastToday"/>): the company cut at week 4 of 2025-Q4 as a live database is on its as-of
/// day (<see cref="ForecastGroupsTests.CompanyAsOfAsync"/>), its deals spread over accounts and owners in regions,
/// segments and teams (some with none). After the company's first forecast reads the slices, a filter or breakdown by
/// region, segment or team answers what its own statements answer, deals driving it and risks included; after a write
/// that matters (a new open deal) the company's next forecast reads them again.
/// </summary>
public sealed class ForecastTodayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (Dictionary<Dimension, string> Filters, Dimension? GroupBy)[] Questions =
    [
        ([], null), ([], Dimension.Region), ([], Dimension.Segment), ([], Dimension.Team),
        (new() { [Dimension.Region] = "EMEA" }, null), (new() { [Dimension.Team] = "Sales EMEA" }, null),
        (new() { [Dimension.Region] = "EMEA" }, Dimension.Segment), (new() { [Dimension.Segment] = "SMB" }, Dimension.Region),
        (new() { [Dimension.Region] = "EMEA", [Dimension.Team] = "Sales NA" }, null), (new() { [Dimension.Region] = "Nowhere" }, null),
    ];

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_filter_or_breakdown_from_the_slices_answers_what_its_own_statements_answer(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await ForecastGroupsTests.CompanyAsOfAsync(provider);
        await using (var db = database.NewContext()) await SpreadAsync(db);
        ForecastCache.Clear();
        await using (var db = database.NewContext())
        {
            await ForecastCache.GetAsync(Context(db, []), null, Ct);
            Assert.Equal(1, ForecastCache.SlicesKept(db.Database.GetConnectionString()!));
            foreach (var (filters, groupBy) in Questions)
                await AssertSameAsync(db, filters, groupBy);
        }

        // A write that matters: a new open deal in EMEA expected in the quarter (its history dated by the checkpoint, so
        // today is still read from the deals' current state). The slices are read again, and the answers follow.
        var emea = new Dictionary<Dimension, string> { [Dimension.Region] = "EMEA" };
        decimal before;
        await using (var db = database.NewContext())
        {
            before = (await ForecastCache.GetAsync(Context(db, emea), null, Ct)).Total.FromOpen;
            db.Deals.Add(new Deal
            {
                Id = "late-emea", Name = "Late EMEA", Amount = 80_000m, Stage = "Discovery", Status = DealStatus.Open, AccountId = "acc-emea",
                CreatedAt = new DateTime(2025, 10, 20, 0, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2025, 11, 30),
            });
            db.DealStageHistory.Add(new DealStageChange { DealId = "late-emea", Stage = "Discovery", EnteredAt = new DateTime(2025, 10, 20, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(Ct);
            await db.DealHistory.Where(h => h.At > ForecastGroupsTests.At).ExecuteDeleteAsync(Ct);
        }
        await using (var db = database.NewContext())
        {
            // The company's forecast first, as the host's warm-up asks it after a write: it reads the slices again.
            await ForecastCache.GetAsync(Context(db, []), null, Ct);
            var after = await ForecastCache.GetAsync(Context(db, emea), null, Ct);
            Assert.True(after.Total.FromOpen > before);
            Assert.Contains(after.Total.TopDeals, d => d.Id == "late-emea");
            Assert.Equal(1, ForecastCache.SlicesKept(db.Database.GetConnectionString()!));
            foreach (var (filters, groupBy) in Questions)
                await AssertSameAsync(db, filters, groupBy);
        }
    }

    /// <summary>
    /// An as-of in the data's past (a digest batch built for last Monday): the database knows a close after the
    /// checkpoint, so the day is read from history, and the slices are read from history too, once, for every filter.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task In_the_data_s_past_the_slices_are_read_from_history_and_answer_what_the_filter_s_own_statements_answer(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await ForecastGroupsTests.CompanyAsOfAsync(provider);
        await using (var db = database.NewContext())
        {
            await SpreadAsync(db);
            // Won after the checkpoint: open as of then, won now.
            var later = await db.Deals.Where(d => d.Status == DealStatus.Open && d.AccountId == "acc-emea").OrderBy(d => d.Id).FirstAsync(Ct);
            (later.Status, later.ClosedAt, later.Stage) = (DealStatus.Won, ForecastGroupsTests.At.AddDays(10), "Closed Won");
            await db.SaveChangesAsync(Ct);
        }
        ForecastCache.Clear();
        await using (var db = database.NewContext())
        {
            var company = Context(db, []);
            var at = ForecastCheckpoints.For(company.Window, ForecastGroupsTests.At)[0].AtUtc;
            Assert.False(await ForecastHistorySql.NothingAfterAsync(company, at, Ct));
            await ForecastCache.GetAsync(company, null, Ct);
            Assert.Equal(1, ForecastCache.SlicesKept(db.Database.GetConnectionString()!));
            foreach (var (filters, groupBy) in Questions)
                await AssertSameAsync(db, filters, groupBy);
        }
    }

    /// <summary>
    /// A breakdown by rep groups the open deals by owner id and names the groups afterwards (ForecastGroupSql), and ranks
    /// the deals driving each group from the open deals' index: each group answers exactly what the question filtered to
    /// that rep answers, whose statements join every deal to its owner and compare e-mails.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Each_rep_of_a_breakdown_by_rep_answers_what_the_question_for_that_rep_answers(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await ForecastGroupsTests.CompanyAsOfAsync(provider);
        await using (var db = database.NewContext()) await SpreadAsync(db);
        await using (var db = database.NewContext())
        {
            var byRep = await Forecaster.PredictAsync(Context(db, []), Dimension.Owner, ForecastGroupsTests.At, withDeals: true, learned: null, current: true, Ct);
            Assert.Equal(["emea@example.com", "na@example.com", "solo@example.com"], byRep.Groups.Keys.Select(k => k.Key).Order(StringComparer.Ordinal));
            Assert.InRange(byRep.Groups.Values.Sum(g => g.FromOpen) - byRep.Total.FromOpen, -0.03m, 0.03m);
            foreach (var (key, group) in byRep.Groups)
            {
                var filtered = await Forecaster.PredictAsync(Context(db, new() { [Dimension.Owner] = key.Key }), null, ForecastGroupsTests.At,
                    withDeals: true, learned: null, current: true, Ct);
                Assert.NotEmpty(group.TopDeals);
                Assert.Equal(Numbers(filtered.Total), Numbers(group));
            }
        }
    }

    /// <summary>The cached answer (from the slices) against the filter's own statements, group by group.</summary>
    private static async Task AssertSameAsync(RevBotDb db, Dictionary<Dimension, string> filters, Dimension? groupBy)
    {
        var context = Context(db, filters);
        var sliced = await ForecastCache.GetAsync(context, groupBy, Ct);
        var own = await Forecaster.PredictAsync(context, groupBy, ForecastGroupsTests.At, withDeals: true, learned: null, current: true, Ct);
        var question = $"{string.Join(",", filters.Select(f => $"{f.Key}={f.Value}"))} by {groupBy}";
        Assert.True(own.Total.FromHistory, question);
        Assert.Equal(Numbers(own.Total), Numbers(sliced.Total));
        Assert.Equal(own.Groups.Keys.OrderBy(k => k.Key), sliced.Groups.Keys.OrderBy(k => k.Key));
        foreach (var (key, value) in own.Groups)
            Assert.Equal(Numbers(value), Numbers(sliced.Groups[key]));
        if (groupBy is not null) Assert.True(own.Groups.Count >= 2, question);
    }

    private static string Numbers(ForecastPrediction p) =>
        $"{p.Expected} {p.P10} {p.P90} {p.Won} {p.FromOpen} {p.FromNotYetCreated} {p.Weighted} {p.Examples} {p.Wins} " +
        $"top {string.Join(",", p.TopDeals.Select(d => $"{d.Id}:{d.Amount}:{d.Probability}:{d.Pushes}"))} " +
        $"risks {string.Join(",", p.Risks.Select(r => $"{r.Kind}:{r.Deals}:{r.Amount}"))}";

    /// <summary>
    /// Accounts in EMEA (Enterprise and SMB), NA (SMB) and none; owners in teams Sales EMEA and Sales NA and one in no team
    /// whose region stands in for a deal without an account. Every fourth deal has no account; amounts vary, so the deals
    /// driving each number differ by group.
    /// </summary>
    private static async Task SpreadAsync(RevBotDb db)
    {
        db.Accounts.AddRange(
            new Account { Id = "acc-emea", Name = "Emea Ent", Region = "EMEA", Segment = "Enterprise" },
            new Account { Id = "acc-emea-smb", Name = "Emea Smb", Region = "EMEA", Segment = "SMB" },
            new Account { Id = "acc-na", Name = "Na Smb", Region = "NA", Segment = "SMB" },
            new Account { Id = "acc-none", Name = "Nowhere Co" });
        var owners = new[]
        {
            new User { Email = "emea@example.com", Name = "Emea Rep", Team = "Sales EMEA", Region = "EMEA" },
            new User { Email = "na@example.com", Name = "Na Rep", Team = "Sales NA", Region = "NA" },
            new User { Email = "solo@example.com", Name = "Solo Rep", Region = "APAC" },
        };
        db.Users.AddRange(owners);
        await db.SaveChangesAsync(Ct);
        string?[] accounts = ["acc-emea", "acc-emea-smb", "acc-na", null, "acc-none"];
        var deals = await db.Deals.OrderBy(d => d.Id).ToListAsync(Ct);
        foreach (var (deal, i) in deals.Select((d, i) => (d, i)))
        {
            deal.AccountId = accounts[i % accounts.Length];
            deal.OwnerId = owners[i % owners.Length].Id;
            if (deal.Status == DealStatus.Open) deal.Amount += 250m * (i % 7);
        }
        await db.SaveChangesAsync(Ct);
        // The trigger dates the rows it wrote for the amounts now: not part of the company as of then.
        await db.DealHistory.Where(h => h.At > ForecastGroupsTests.At).ExecuteDeleteAsync(Ct);
    }

    private static MetricContext Context(RevBotDb db, Dictionary<Dimension, string> filters) => new(db, new CompanyOptions(), MetricCatalog.Get(MetricIds.Forecast),
        MetricWindow.Create(new Period(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), "Q4 2025", PeriodGrain.Quarter),
            CompanyClock.At(new DateOnly(2025, 10, 28), TimeZoneInfo.Utc)),
        filters);
}
