using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// Five quarters (2024-Q4 to 2025-Q4) of a company whose every deal looks alike to the model, so its numbers can be
/// worked out by hand: each quarter 20 deals of 5,000 are created 10 days before it starts, in Discovery, expected
/// 40 days into it; a quarter of them are won on day 35, a quarter lost on day 35, the rest lost 100 days in (they
/// slip). Two deals of 3,000 are created on day 30 and won on day 50 (pipeline not created yet at week 4), and one of
/// 7,000 created 20 days before the quarter is won on day 10 (already won at week 4). Amounts and close dates are
/// written to deal_history as they were when created.
/// </summary>
internal static class BacktestCompany
{
    public static readonly DateOnly[] QuarterStarts = [new(2024, 10, 1), new(2025, 1, 1), new(2025, 4, 1), new(2025, 7, 1), new(2025, 10, 1)];

    /// <summary>Week 4 of 2025-Q4: the checkpoint the tests predict at.</summary>
    public static readonly DateTime Checkpoint = new(2025, 10, 29, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>"Today" for the backtest: 2025-Q4 is the last quarter that has ended (and holds the last close).</summary>
    public static readonly DateOnly Today = new(2026, 1, 20);

    public static async Task SeedAsync(RevBotDb db, CancellationToken ct)
    {
        foreach (var (start, q) in QuarterStarts.Select((s, i) => (s, i)))
        {
            var s = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            for (var i = 0; i < 20; i++)
            {
                var created = s.AddDays(-10).AddHours(i);
                var outcome = i % 4;
                Add(db, $"q{q}-d{i}", 5_000m, created, DateOnly.FromDateTime(s.AddDays(40)),
                    outcome == 0 ? DealStatus.Won : DealStatus.Lost, outcome <= 1 ? s.AddDays(35) : s.AddDays(100));
            }
            for (var i = 0; i < 2; i++) Add(db, $"q{q}-new{i}", 3_000m, s.AddDays(30), DateOnly.FromDateTime(s.AddDays(50)), DealStatus.Won, s.AddDays(50));
            Add(db, $"q{q}-early", 7_000m, s.AddDays(-20), DateOnly.FromDateTime(s.AddDays(10)), DealStatus.Won, s.AddDays(10));
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Add(RevBotDb db, string id, decimal amount, DateTime created, DateOnly close, DealStatus status, DateTime closedAt)
    {
        db.Deals.Add(new Deal
        {
            Id = id, Amount = amount, Stage = status == DealStatus.Won ? "Closed Won" : "Closed Lost", Status = status, CreatedAt = created,
            CloseDate = DateOnly.FromDateTime(closedAt), ClosedAt = closedAt,
        });
        db.DealStageHistory.Add(new DealStageChange { DealId = id, Stage = "Discovery", EnteredAt = created });
        db.DealHistory.Add(new DealHistoryEntry { DealId = id, At = created, Amount = amount, CloseDate = close });
    }
}
