using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Tests.Metrics;

/// <summary>
/// A SaaS billing export: accounts and subscriptions, no deals, spend, quotas or forecasts. Generated from a fixed
/// seed (trials at MRR 0, upgrades, downgrades, add-ons, cancellations, returning customers, cents), and the ARR bridge worked out
/// here account by account in C#, not by the engine, so the engine's numbers have something independent to meet.
/// </summary>
internal static class BridgeDataset
{
    public const string TimeZone = "UTC";

    public static DateOnly AsOf { get; } = new(2026, 11, 27);

    public static Period Q3_2026 { get; } = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Q3 2026", PeriodGrain.Quarter);

    public static Period Year2025 { get; } = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "2025", PeriodGrain.Year);

    /// <summary>Q4 2026, in progress on the as-of day: the bridge ends on the as-of day.</summary>
    public static Period Q4_2026 { get; } = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);

    public static readonly string[] Segments = ["SMB", "Mid-Market", "Enterprise"];
    public static readonly string[] Regions = ["EMEA", "NA", "APAC"];

    public static List<Account> Accounts { get; } = [];
    public static List<Subscription> Subscriptions { get; } = [];

    static BridgeDataset()
    {
        var random = new Random(17);
        decimal Mrr(decimal low, decimal high) => Math.Round(low + ((high - low) * (decimal)random.NextDouble()), 2);
        for (var i = 0; i < 120; i++)
        {
            var account = new Account { Id = $"acc-{i:D3}", Name = $"Account {i:D3}", Segment = Segments[i % 3], Region = Regions[(i / 3) % 3] };
            Accounts.Add(account);
            var subs = new List<Subscription>();
            Subscription Add(decimal mrr, DateOnly from, DateOnly? to, string product = "Core")
            {
                var sub = new Subscription { Id = $"sub-{i:D3}-{subs.Count}", AccountId = account.Id, Product = product, Mrr = mrr, StartDate = from, EndDate = to };
                subs.Add(sub);
                return sub;
            }
            var start = new DateOnly(2024, 3, 1).AddDays(random.Next(0, 960));
            // A free trial first, for some: not a customer until the first paid day.
            if (random.Next(4) == 0)
            {
                Add(0m, start, start.AddDays(30));
                start = start.AddDays(30);
            }
            var mrr = Mrr(50m, 2_000m);
            var basePlan = Add(mrr, start, null);
            var change = start.AddDays(random.Next(60, 400));
            switch (random.Next(3))
            {
                case 0: // upgrade: the plan is replaced by a dearer one
                    basePlan.EndDate = change;
                    Add(Math.Round(mrr * Mrr(1.1m, 2m), 2), change, null);
                    break;
                case 1: // downgrade: by a cheaper one
                    basePlan.EndDate = change;
                    Add(Math.Round(mrr * Mrr(0.3m, 0.9m), 2), change, null);
                    break;
                default: // an add-on beside the plan
                    Add(Mrr(20m, 500m), change, null, "Addon");
                    break;
            }
            // Two in five cancel everything; a quarter of those come back later.
            if (random.Next(5) < 2)
            {
                var gone = change.AddDays(random.Next(30, 400));
                foreach (var sub in subs.Where(s => s.EndDate is null || s.EndDate > gone)) sub.EndDate = gone;
                foreach (var sub in subs.Where(s => s.StartDate >= gone).ToList()) subs.Remove(sub);
                if (random.Next(4) == 0) Add(Mrr(50m, 1_000m), gone.AddDays(random.Next(30, 200)), null);
            }
            Subscriptions.AddRange(subs.Where(s => s.EndDate is null || s.EndDate > s.StartDate));
        }
    }

    public static async Task SeedAsync(RevBotDb db)
    {
        db.Accounts.AddRange(Accounts.Select(a => new Account { Id = a.Id, Name = a.Name, Segment = a.Segment, Region = a.Region }));
        db.Subscriptions.AddRange(Subscriptions.Select(s => new Subscription { Id = s.Id, AccountId = s.AccountId, Product = s.Product, Mrr = s.Mrr, StartDate = s.StartDate, EndDate = s.EndDate }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static CompanyOptions Company { get; } = new() { TimeZone = TimeZone };

    public static MetricEngine Engine(RevBotDb db)
    {
        var now = AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return new MetricEngine(db, Options.Create(Company), new CompanyClock(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), Company.GetTimeZone()));
    }

    /// <summary>One account's ARR on the day before the period and at its end (the as-of day if sooner), and whether anything was active each day.</summary>
    public sealed record Move(string Id, string Name, decimal Before, decimal After, bool ActiveBefore, bool ActiveAfter)
    {
        public ArrMovement? Movement => (ActiveBefore, ActiveAfter) switch
        {
            (false, true) => ArrMovement.New,
            (true, false) => ArrMovement.Churn,
            (true, true) when After > Before => ArrMovement.Expansion,
            (true, true) when After < Before => ArrMovement.Contraction,
            _ => null,
        };

        public decimal Leg => Math.Abs(After - Before);
    }

    /// <summary>Every account's move over the period, for the accounts the filter keeps (segment or region).</summary>
    public static List<Move> Moves(Period period, Func<Account, bool>? keep = null)
    {
        var d0 = period.Start.AddDays(-1);
        var d1 = period.End < AsOf ? period.End : AsOf;
        static bool Active(Subscription s, DateOnly d) => s.StartDate <= d && (s.EndDate is null || s.EndDate > d);
        return [.. Accounts.Where(a => keep is null || keep(a)).Select(a =>
        {
            var subs = Subscriptions.Where(s => s.AccountId == a.Id).ToList();
            return new Move(a.Id, a.Name, 12m * subs.Where(s => Active(s, d0)).Sum(s => s.Mrr), 12m * subs.Where(s => Active(s, d1)).Sum(s => s.Mrr),
                subs.Any(s => Active(s, d0)), subs.Any(s => Active(s, d1)));
        })];
    }

    /// <summary>Accounts whose first paid subscription started in the period.</summary>
    public static int FirstPaidSubscriptions(Period period, Func<Account, bool>? keep = null) =>
        Accounts.Where(a => keep is null || keep(a)).Count(a =>
            Subscriptions.Where(s => s.AccountId == a.Id && s.Mrr > 0).Select(s => (DateOnly?)s.StartDate).Min() is { } first && first >= period.Start && first <= period.End);
}
