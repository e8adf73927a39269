using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>One question of the set: who asks, and the best plain SQL we could write for its number and for the
/// comparison the answer shows beside it (null when there is none, or when no plain SQL says the same thing).</summary>
internal sealed record SetQuestion(string Question, string? As, string? Sql, string? Comparison);

/// <summary>
/// The benchmark set of issue 23: the five reference questions, then questions by owner, team, product, source, stage
/// and account, "my" and "my team", retention over open windows, customer counts, LTV, velocity, forecast, lists with
/// thresholds and exclusions, and Spanish. The SQL is over the raw tables (UTC company, as the demo), grouped by ids
/// and named afterwards, which measurement showed is the fastest way to write it.
/// </summary>
internal static class QuestionSet
{
    public static IReadOnlyList<SetQuestion> For(DateOnly asOf, QuestionSetPeople who)
    {
        var p = new SetPeriods(asOf);
        var s = new SetSql();
        var rep = who.RepId.ToString(CultureInfo.InvariantCulture);
        var team = SetSql.Text(who.ManagerTeam);
        var teamOwners = $"owner_id IN (SELECT id FROM users WHERE team = {team})";
        var accountId = $"account_id = (SELECT id FROM accounts WHERE name = {SetSql.Text(who.AccountName)} LIMIT 1)";
        var list = new List<SetQuestion>();
        void Add(string question, string? sql, string? comparison = null, string? asUser = null) => list.Add(new(question, asUser, sql, comparison));

        foreach (var (question, sql, comparison, _, _) in HandWrittenSql.For(asOf)) Add(question, sql, comparison);

        // By owner, team, product, source, stage, account, segment, industry.
        Add("win rate by rep this quarter", s.WinRateBy("owner_id", "users", p.Quarter), s.WinRate(p.QuarterBefore));
        Add($"bookings for {who.RepName} this year", s.Bookings(p.Year, $"owner_id = {rep}"), s.Bookings(p.YearBefore, $"owner_id = {rep}"));
        Add("bookings by team this quarter", s.BookingsByTeam(p.Quarter), s.Bookings(p.QuarterBefore));
        Add("win rate by product this year", s.WinRateBy("product", null, p.Year), s.WinRate(p.YearBefore));
        Add("pipeline by source", s.OpenBy("source"));
        Add("pipeline by stage", s.OpenBy("stage"));
        // The answer shows the first 100 accounts of ~100,000 (and how many more): so does its SQL.
        Add("bookings by account this year", s.BookingsTopBy("account_id", "accounts", p.Year), s.Bookings(p.YearBefore));
        Add($"bookings for {who.AccountName} this year", s.Bookings(p.Year, accountId), s.Bookings(p.YearBefore, accountId));
        Add("average deal size by segment this year", s.BookingsByAccountColumn("segment", p.Year), s.Bookings(p.YearBefore));
        Add("sales cycle by region last quarter", s.CycleByRegion(p.LastQuarter), s.Cycle(p.QuarterBeforeLast));
        Add("bookings by industry last year", s.BookingsByAccountColumn("industry", p.LastYear), s.Bookings(p.YearBeforeLast));
        Add("deals won by source this year", s.BookingsBy("source", null, p.Year), s.Bookings(p.YearBefore));
        Add("pipeline created this quarter by source", s.CreatedBy("source", p.Quarter), s.Created(p.QuarterBefore));
        Add("weighted pipeline by owner", s.WeightedByOwner());
        Add("deals lost this quarter by loss reason", s.LostBy("loss_reason", p.Quarter), s.Lost(p.QuarterBefore));
        Add("win rate by value this quarter for enterprise", s.WinRateValue(p.Quarter, "Enterprise"), s.WinRateValue(p.QuarterBefore, "Enterprise"));
        Add("renewal rate this year", s.WinRate(p.Year, "type = 'renewal'"), s.WinRate(p.YearBefore, "type = 'renewal'"));

        // "My" and "my team".
        Add("my pipeline", s.Open($"owner_id = {rep}"), asUser: who.RepEmail);
        Add("my bookings this quarter", s.Bookings(p.Quarter, $"owner_id = {rep}"), s.Bookings(p.QuarterBefore, $"owner_id = {rep}"), who.RepEmail);
        Add("my win rate this year", s.WinRate(p.Year, $"owner_id = {rep}"), s.WinRate(p.YearBefore, $"owner_id = {rep}"), who.RepEmail);
        Add("my team's win rate this quarter", s.WinRate(p.Quarter, teamOwners), s.WinRate(p.QuarterBefore, teamOwners), who.ManagerEmail);
        Add("my team's pipeline by rep", s.OpenByOwner(teamOwners), asUser: who.ManagerEmail);

        // Retention over open windows, customers, LTV, the ARR bridge.
        Add("NRR this quarter", s.Nrr(p.Quarter), s.Nrr(p.QuarterBefore));
        Add("GRR this quarter", s.Grr(p.Quarter), s.Grr(p.QuarterBefore));
        Add("logo churn rate last quarter", s.LogoChurn(p.LastQuarter), s.LogoChurn(p.QuarterBeforeLast));
        Add("NRR this year by segment", s.NrrBySegment(p.Year), s.Nrr(p.YearBefore));
        Add("how many customers do we have", s.Customers(p.AsOf), s.Customers(p.QuarterStart.AddDays(-1)));
        Add("customers by region", s.CustomersByRegion(p.AsOf), s.Customers(p.QuarterStart.AddDays(-1)));
        Add("ARR by segment", s.ArrByAccountColumn("segment", p.AsOf), s.Arr(p.QuarterStart.AddDays(-1)));
        Add("MRR by product", s.MrrByProduct(p.AsOf), s.Arr(p.QuarterStart.AddDays(-1)));
        Add("net new ARR this quarter", s.NetNewArr(p.Quarter), s.NetNewArr(p.QuarterBefore));
        Add("expansion ARR last quarter by segment", s.ExpansionBySegment(p.LastQuarter), s.Expansion(p.QuarterBeforeLast));
        Add("LTV", s.Ltv(p.AsOf), s.Ltv(p.QuarterBefore.To.AddDays(-1)));
        Add("new customers this month", s.NewCustomers(p.Month), s.NewCustomers(p.MonthBefore));

        // Velocity, quota, coverage, forecast.
        Add("pipeline velocity this quarter", s.Velocity(p.Quarter), s.Velocity(p.QuarterBefore));
        Add("quota attainment by rep this quarter", s.AttainmentByRep(p));
        Add("pipeline coverage this quarter", s.Coverage(p));
        // The forecast is a model over the history (docs/forecast.md), not one statement: no plain SQL says it.
        Add("forecast this quarter", null);

        // Lists with thresholds and exclusions (issue 11).
        Add("open deals over $100k excluding renewals", s.TopOpen("amount > 100000 AND type <> 'renewal'"));
        Add("open deals in negotiation over 50k in EMEA", s.TopOpenEmea("stage = 'Negotiation' AND amount > 50000"));
        Add("top 5 deals won this quarter", s.TopWon(p.Quarter, 5));

        // Spanish.
        Add("¿cuánto es nuestro ARR?", s.Arr(p.AsOf), s.Arr(p.QuarterStart.AddDays(-1)));
        Add("tasa de cierre por vendedor este trimestre", s.WinRateBy("owner_id", "users", p.Quarter), s.WinRate(p.QuarterBefore));
        Add("pipeline por etapa", s.OpenBy("stage"));
        return list;
    }
}
