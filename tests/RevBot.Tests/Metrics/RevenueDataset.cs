using System.Globalization;
using RevBot.Core.Domain;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Tests.Metrics;

/// <summary>
/// A small company in New York time (UTC-4 until 1 Nov 2026, UTC-5 after) whose every metric is worked out by hand in
/// the tests. Timestamps are written in UTC; 15:00Z is mid-day local, so only the deals marked "boundary" sit near
/// a local midnight. The as-of day is 2027-01-10, so Q4 2026 is over and Q1 2027 is under way.
/// </summary>
internal static class RevenueDataset
{
    public const string TimeZone = "America/New_York";
    public const string Alice = "alice@acme.test";
    public const string Bob = "bob@acme.test";
    public const string Carol = "carol@acme.test";

    public static DateOnly AsOf { get; } = new(2027, 1, 10);
    public static Period Q1_2026 { get; } = Quarter(2026, 1);
    public static Period Q2_2026 { get; } = Quarter(2026, 2);
    public static Period Q3_2026 { get; } = Quarter(2026, 3);
    public static Period Q4_2026 { get; } = Quarter(2026, 4);
    public static Period Q1_2027 { get; } = Quarter(2027, 1);

    public static Period Quarter(int year, int q)
    {
        var start = new DateOnly(year, 3 * q - 2, 1);
        return new Period(start, start.AddMonths(3).AddDays(-1), $"Q{q} {year}", PeriodGrain.Quarter);
    }

    public static async Task SeedAsync(RevBotDb db)
    {
        var alice = new User { Email = Alice, Name = "Alice Adams", Team = "East", Region = "NA" };
        var bob = new User { Email = Bob, Name = "Bob Brown", Team = "East", Region = "EMEA" };
        var carol = new User { Email = Carol, Name = "Carol Cruz", Team = "West", Region = "NA" };
        var apex = new Account { Id = "acc-apex", Name = "Apex", Segment = "Enterprise", Industry = "Software", Region = "NA", Owner = alice };
        var birch = new Account { Id = "acc-birch", Name = "Birch", Segment = "SMB", Industry = "Retail", Region = "EMEA", Owner = bob };
        // No region of its own: it falls back to its owner's (Carol, NA), for deals and subscriptions alike.
        var cobalt = new Account { Id = "acc-cobalt", Name = "Cobalt", Segment = "Mid-Market", Industry = "Software", Owner = carol };
        var delta = new Account { Id = "acc-delta", Name = "Delta", Segment = "SMB", Industry = "Retail", Region = "APAC", Owner = alice };
        var ember = new Account { Id = "acc-ember", Name = "Ember", Segment = "Enterprise", Industry = "Finance", Region = "NA", Owner = carol };
        db.AddRange(alice, bob, carol, apex, birch, cobalt, delta, ember);
        // Saved first: quotas and snapshots refer to owners by id only.
        await db.SaveChangesAsync();

        db.Deals.AddRange(
            // History: the accounts' first new-business wins.
            Won("h1", apex, alice, 12_000m, DealType.New, "Platform", "Inbound", "2024-11-01 15:00", "2024-12-15 15:00"),
            Won("h2", birch, bob, 9_000m, DealType.New, "Platform", "Outbound", "2025-04-01 15:00", "2025-05-20 15:00"),
            // Q2 2026.
            Won("q2a", cobalt, carol, 14_000.50m, DealType.New, "Platform", "Inbound", "2026-01-10 15:00", "2026-04-15 15:00"),
            Lost("q2b", delta, bob, 6_000.25m, DealType.New, "Analytics", "Outbound", "2026-03-01 15:00", "2026-05-05 15:00"),
            Won("q2c", apex, alice, 3_500m, DealType.Expansion, "Analytics", "Inbound", "2026-05-01 15:00", "2026-06-30 15:00"),
            // Q3 2026; w6 is a boundary deal: 2026-09-30 23:30 EDT, so Q3 and not Q4.
            Lost("q3a", birch, bob, 11_000m, DealType.Expansion, "Platform", "Outbound", "2026-06-15 15:00", "2026-08-15 15:00"),
            Won("w6", apex, alice, 7_000m, DealType.Expansion, "Platform", "Inbound", "2026-09-01 15:00", "2026-10-01 03:30"),
            // Q4 2026 won: cycles 40, 20, 130, (no creation time), 11 days.
            Won("w1", apex, alice, 40_000m, DealType.Expansion, "Platform", "Inbound", "2026-09-01 15:00", "2026-10-11 15:00"),
            Won("w2", birch, bob, 20_000m, DealType.Renewal, "Platform", "Outbound", "2026-10-01 15:00", "2026-10-21 15:00"),
            Won("w3", ember, carol, 30_000m, DealType.New, "Analytics", "Inbound", "2026-07-03 15:00", "2026-11-10 15:00"),
            Won("w4", null, bob, 10_000m, DealType.New, "Analytics", "Partner", null, "2026-12-01 15:00"),
            // Boundary: 2026-12-31 23:30 EST is 2027-01-01 04:30 UTC, still Q4 for the company.
            Won("w5", cobalt, carol, 5_000m, DealType.Expansion, "Platform", "Partner", "2026-12-21 04:30", "2027-01-01 04:30"),
            // Q4 2026 lost.
            // Loss reasons: l1 price, l2 competitor, l3 none recorded.
            Lost("l1", apex, alice, 25_000m, DealType.New, "Analytics", "Outbound", "2026-09-20 15:00", "2026-10-20 15:00", "price"),
            Lost("l2", delta, bob, 15_000m, DealType.Renewal, "Platform", "Inbound", "2026-08-01 15:00", "2026-11-20 15:00", "competitor"),
            Lost("l3", birch, carol, 10_000m, DealType.New, "Platform", "Outbound", "2026-11-01 15:00", "2026-12-15 15:00"),
            // Boundary: 2027-01-01 00:30 EST, so Q1 2027.
            Won("w7", birch, bob, 8_000m, DealType.New, "Platform", "Outbound", "2026-12-10 15:00", "2027-01-01 05:30"),
            // Open: Proposal 55%, Negotiation 75% (o2 has its own 90%), Prospecting 10%, Discovery 35%, an unconfigured stage 0%, Qualification 20%.
            Open("o1", apex, alice, 60_000m, DealType.Expansion, "Platform", "Inbound", "Proposal", null, "2026-11-30", "2026-10-15 15:00"),
            Open("o2", birch, bob, 30_000m, DealType.Renewal, "Platform", "Outbound", "Negotiation", 90, "2026-12-31", "2026-06-01 15:00"),
            Open("o3", delta, carol, 20_000m, DealType.New, "Analytics", "Partner", "Prospecting", null, "2027-02-15", "2026-11-01 15:00"),
            Open("o4", null, alice, 10_000m, DealType.New, "Analytics", "Inbound", "Discovery", null, "2026-10-31", null),
            Open("o5", cobalt, carol, 4_000m, DealType.New, "Platform", "Outbound", "Legacy Stage", null, "2026-12-01", "2026-10-20 15:00"),
            Open("o6", ember, alice, 8_000m, DealType.Expansion, "Analytics", "Inbound", "Qualification", null, null, "2025-12-01 15:00", name: null));

        db.Subscriptions.AddRange(
            Sub("sub-apex-1", apex, "Platform", 1_000m, "2025-01-01", null),
            Sub("sub-apex-2", apex, "Analytics", 500m, "2026-11-01", null),
            Sub("sub-birch", birch, "Platform", 2_000m, "2025-06-01", "2026-11-01"),
            Sub("sub-cobalt-1", cobalt, "Platform", 800m, "2026-01-01", null),
            Sub("sub-cobalt-2", cobalt, "Analytics", 400m, "2026-01-01", "2026-12-01"),
            Sub("sub-delta", delta, "Platform", 600m, "2025-03-01", "2027-01-01"),
            Sub("sub-ember", ember, "Analytics", 1_500m, "2026-11-15", null));

        db.Quotas.AddRange(
            new Quota { PeriodStart = Q4_2026.Start, PeriodEnd = Q4_2026.End, Amount = 200_000m },
            OwnerQuota(alice, 80_000m), OwnerQuota(bob, 60_000m), OwnerQuota(carol, 60_000m));

        db.ForecastSnapshots.AddRange(
            Snapshot("2026-09-15 15:00", Q4_2026, 90_000m),
            // Taken on the first day (10:00 EDT): the one Q4 is judged against.
            Snapshot("2026-10-01 14:00", Q4_2026, 100_000m),
            Snapshot("2026-10-20 15:00", Q4_2026, 120_000m),
            Snapshot("2026-09-30 15:00", Q3_2026, 999_999m),
            // Q1 2027 has none before its first day: the first one inside it counts.
            Snapshot("2027-01-05 15:00", Q1_2027, 10_000m),
            Snapshot("2027-01-08 15:00", Q1_2027, 30_000m),
            // Alice's own: ignored by the company's accuracy, used for hers.
            Snapshot("2026-09-30 15:00", Q4_2026, 50_000m, alice.Id));

        db.Spend.AddRange(
            Spend("2026-09-01", SpendCategory.Marketing, 9_999m),
            Spend("2026-10-01", SpendCategory.Marketing, 10_000m),
            Spend("2026-10-01", SpendCategory.Sales, 5_000m),
            Spend("2026-11-01", SpendCategory.Marketing, 8_000m, "ads"),
            Spend("2026-11-01", SpendCategory.Marketing, 2_000m, "events"),
            Spend("2026-12-01", SpendCategory.Sales, 5_000m),
            Spend("2027-01-01", SpendCategory.Sales, 7_000m));
        await db.SaveChangesAsync();

        static Quota OwnerQuota(User owner, decimal amount) =>
            new() { PeriodStart = Q4_2026.Start, PeriodEnd = Q4_2026.End, Amount = amount, OwnerId = owner.Id };
    }

    private static Deal Won(string id, Account? account, User owner, decimal amount, DealType type, string product, string source, string? created, string closed) =>
        Closed(id, account, owner, amount, DealStatus.Won, "Closed Won", type, product, source, created, closed);

    private static Deal Lost(string id, Account? account, User owner, decimal amount, DealType type, string product, string source, string? created, string closed, string? reason = null)
    {
        var deal = Closed(id, account, owner, amount, DealStatus.Lost, "Closed Lost", type, product, source, created, closed);
        deal.LossReason = reason;
        return deal;
    }

    private static Deal Closed(string id, Account? account, User owner, decimal amount, DealStatus status, string stage, DealType type, string product, string source, string? created, string closed) => new()
    {
        Id = id, Name = $"{account?.Name ?? "Direct"} {id}", Account = account, Owner = owner, Amount = amount, Status = status, Stage = stage,
        Type = type, Product = product, Source = source, CreatedAt = created is null ? null : Utc(created), ClosedAt = Utc(closed),
        CloseDate = DateOnly.FromDateTime(Utc(closed)),
    };

    private static Deal Open(string id, Account? account, User owner, decimal amount, DealType type, string product, string source, string stage, int? probability, string? closeDate, string? created, string? name = "") => new()
    {
        Id = id, Name = name == "" ? $"{account?.Name ?? "Direct"} {id}" : name, Account = account, Owner = owner, Amount = amount, Status = DealStatus.Open,
        Stage = stage, Probability = probability, Type = type, Product = product, Source = source,
        CreatedAt = created is null ? null : Utc(created), CloseDate = closeDate is null ? null : Day(closeDate),
    };

    private static Subscription Sub(string id, Account account, string product, decimal mrr, string start, string? end) =>
        new() { Id = id, AccountId = account.Id, Product = product, Mrr = mrr, StartDate = Day(start), EndDate = end is null ? null : Day(end) };

    private static ForecastSnapshot Snapshot(string takenAt, Period period, decimal amount, int? ownerId = null) =>
        new() { TakenAt = Utc(takenAt), PeriodStart = period.Start, PeriodEnd = period.End, Amount = amount, OwnerId = ownerId };

    private static Spend Spend(string month, SpendCategory category, decimal amount, string channel = "") =>
        new() { Month = Day(month), Category = category, Amount = amount, Channel = channel };

    public static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
