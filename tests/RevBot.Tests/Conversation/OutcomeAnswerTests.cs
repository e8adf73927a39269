using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Domain;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>
/// "Why did we lose?", "how are we doing?", "bookings vs plan" and upcoming renewals asked on the seeded demo company
/// (as of Sunday 2026-03-15, company time zone UTC): every number is worked out here from the rows themselves.
/// </summary>
public sealed class OutcomeAnswerTests(DemoCompanyFixture demo)
{
    private static readonly DateTime Q4Start = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Q1Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Why_did_we_lose_breaks_last_quarters_lost_deals_down_by_reason_with_counts_amounts_and_shares(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        await using var db = database.NewContext();
        var lost = (await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Lost).Select(d => new { d.ClosedAt, d.LossReason, d.Amount }).ToListAsync(Ct))
            .Where(d => d.ClosedAt >= Q4Start && d.ClosedAt < Q1Start).ToList();
        var expected = lost.GroupBy(d => d.LossReason ?? "").Select(g => (Key: g.Key, Count: (decimal)g.Count(), Amount: g.Sum(d => d.Amount)))
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Amount).ToList();

        var answer = await AskAsync(services, "why did we lose deals last quarter");
        var spanish = await AskAsync(services, "¿por qué perdimos negocios el trimestre pasado?");
        var top = await AskAsync(services, "top 2 reasons we lost deals last quarter");

        Assert.True(expected.Count > 2);
        Assert.Equal(("deals_lost", "loss_reason", "2025-10-01", "2025-12-31"), (answer.Metric, answer.GroupBy, answer.Period!.Start, answer.Period.End));
        Assert.Equal(lost.Count, answer.Value);
        Assert.Equal(lost.Sum(d => d.Amount), answer.LostAmount!.Value, 2);
        Assert.Equal(expected.Select(r => (r.Key, r.Count, Math.Round(r.Amount, 2), Math.Round(r.Count / lost.Count, 10))),
            answer.Breakdown!.Select(b => (b.Key, b.Count!.Value, Math.Round(b.Amount!.Value, 2), Math.Round(b.Share!.Value, 10))));
        var f = new AnswerFormatter("en", "USD");
        Assert.StartsWith($"Deals lost by loss reason for Q4 2025 (Oct 1 – Dec 31, 2025): {f.Count(lost.Count)} deals lost, {f.Money(lost.Sum(d => d.Amount))}", answer.Text, StringComparison.Ordinal);
        var first = expected[0];
        Assert.Contains($"Most deals first: {char.ToUpperInvariant(first.Key[0])}{first.Key[1..]} {f.Count(first.Count)} ({f.Percent(first.Count / lost.Count)}, {f.Money(first.Amount)})", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith($"Negocios perdidos por motivo en T4 2025 (del 1 oct al 31 dic 2025): {new AnswerFormatter("es", "USD").Count(lost.Count)} negocios perdidos", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Breakdown!.Select(b => b.Count), spanish.Breakdown!.Select(b => b.Count));
        Assert.Equal(2, top.Reply.Table!.Rows.Count);
        Assert.EndsWith($"; and {expected.Count - 2} more reasons.", top.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Bookings_vs_plan_is_attainment_stating_bookings_and_quota_and_says_when_no_quota_is_loaded(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        await using var db = database.NewContext();
        var bookings = (await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won).Select(d => new { d.ClosedAt, d.Amount }).ToListAsync(Ct))
            .Where(d => d.ClosedAt >= Q4Start && d.ClosedAt < Q1Start).Sum(d => d.Amount);
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.PeriodStart == new DateOnly(2025, 10, 1) && q.PeriodEnd == new DateOnly(2025, 12, 31)).ToListAsync(Ct);
        var quota = quotas.Any(q => q.OwnerId == null) ? quotas.Where(q => q.OwnerId == null).Sum(q => q.Amount) : quotas.Sum(q => q.Amount);

        var answer = await AskAsync(services, "bookings vs plan last quarter");
        var spanish = await AskAsync(services, "ventas frente a la cuota el trimestre pasado");
        var none = await AskAsync(services, "bookings vs quota in 2020");
        var ninguna = await AskAsync(services, "ventas frente al objetivo en 2020");

        Assert.True(quota > 0);
        Assert.Equal("quota_attainment", answer.Metric);
        Assert.Equal(bookings, answer.Numerator!.Value, 2);
        Assert.Equal(quota, answer.Denominator!.Value, 2);
        Assert.Equal(bookings / quota, answer.Value!.Value, 6);
        var f = new AnswerFormatter("en", "USD");
        Assert.StartsWith($"Quota attainment for Q4 2025 (Oct 1 – Dec 31, 2025) is {f.Percent(bookings / quota)} ({f.Money(bookings)} bookings of a {f.Money(quota)} quota)", answer.Text, StringComparison.Ordinal);
        Assert.Equal((answer.Metric, answer.Value), (spanish.Metric, spanish.Value));
        Assert.Contains("de ventas cerradas de una cuota de", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(("quota_attainment", (decimal?)null, (decimal?)null), (none.Metric, none.Value, none.Denominator));
        Assert.StartsWith("Quota attainment for 2020 (Jan 1 – Dec 31, 2020): no quotas are loaded for that period (bookings $0)", none.Text, StringComparison.Ordinal);
        Assert.StartsWith("Cumplimiento de cuota en 2020 (del 1 ene al 31 dic 2020): no hay cuotas cargadas para ese periodo (ventas cerradas 0\u00A0$)", ninguna.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task How_are_we_doing_is_the_askers_audience_headlines_compared_like_for_like(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        await using var db = database.NewContext();
        var people = await db.Users.AsNoTracking().Select(u => new { u.Email, u.Role }).ToListAsync(Ct);
        var cs = people.First(u => u.Role == UserRole.Cs).Email;
        var won = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won).Select(d => new { d.ClosedAt, d.Amount, Owner = d.Owner!.Email }).ToListAsync(Ct);
        var rep = won.Where(d => d.ClosedAt >= Q1Start).GroupBy(d => d.Owner).Where(g => people.Any(u => u.Email == g.Key && u.Role == UserRole.Rep)).First().Key;
        // Q1 2026 to date is Jan 1 – Mar 15 (74 days); the same point of Q4 2025 is Oct 1 – Dec 13.
        decimal Booked(DateTime from, DateTime to, string? owner = null) => won.Where(d => d.ClosedAt >= from && d.ClosedAt < to && (owner is null || d.Owner == owner)).Sum(d => d.Amount);
        var now = Booked(Q1Start, new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc));
        var then = Booked(Q4Start, new DateTime(2025, 12, 14, 0, 0, 0, DateTimeKind.Utc));

        var exec = await AskAsync(services, "how are we doing this quarter");
        var spanish = await AskAsync(services, "¿cómo vamos este trimestre?");
        var success = await AskAsync(services, "how's it going", cs);
        var mine = await AskAsync(services, "how am I doing this quarter", rep);
        var key = $"test:{Guid.NewGuid():N}";
        await AskAsync(services, "how are we doing this quarter", key: key);
        var followUp = await AskAsync(services, "and last quarter?", key: key);
        var byRegion = await AskAsync(services, "and by region?", key: key);
        var oneMetric = await AskAsync(services, "what about bookings?", key: key);

        Assert.Equal("scorecard", exec.Intent);
        Assert.Equal(DigestHeadlines.Metrics(DigestKind.Exec), exec.Metrics!.Select(m => m.Metric));
        var bookings = exec.Metrics!.Single(m => m.Metric == "bookings");
        Assert.Equal(now, bookings.Value!.Value, 2);
        Assert.Equal(("2026-01-01", "2026-03-15"), (bookings.Period.Start, bookings.Period.End));
        Assert.Equal(("2025-10-01", "2025-12-13"), (bookings.Comparison!.Period.Start, bookings.Comparison.Period.End));
        Assert.Equal(then, bookings.Comparison.Value!.Value, 2);
        var f = new AnswerFormatter("en", "USD");
        Assert.StartsWith($"Executive scorecard for Q1 2026 to date (Jan 1 – Mar 15, 2026), against the first 74 days of Q4 2025: bookings {f.Money(now)} (", exec.Text, StringComparison.Ordinal);
        Assert.StartsWith("Resumen de dirección en T1 2026 hasta la fecha", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(exec.Metrics!.Select(m => m.Value), spanish.Metrics!.Select(m => m.Value));
        Assert.Equal(DigestHeadlines.Metrics(DigestKind.Cs), success.Metrics!.Select(m => m.Metric));
        Assert.StartsWith("Customer success scorecard", success.Text, StringComparison.Ordinal);
        Assert.Equal(DigestHeadlines.Metrics(DigestKind.Sales), mine.Metrics!.Select(m => m.Metric));
        Assert.Equal(rep, mine.Filters!["owner"]);
        Assert.Equal(Booked(Q1Start, new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc), rep), mine.Metrics!.Single(m => m.Metric == "bookings").Value!.Value, 2);
        Assert.Equal(("scorecard", "2025-10-01", "2025-12-31"), (followUp.Intent, followUp.Period!.Start, followUp.Period.End));
        // Last quarter has ended: no pipeline (open deals keep no history), and it says so.
        Assert.DoesNotContain(followUp.Metrics!, m => m.Metric == "pipeline");
        Assert.EndsWith("No pipeline: open deals keep no history for a past period.", followUp.Text, StringComparison.Ordinal);
        Assert.Equal((false, "A scorecard has no breakdown: ask for one metric, for example \"bookings by region\"."), (byRegion.Understood, byRegion.Text.Split(" I can answer")[0]));
        Assert.Equal(("metric", "bookings", "2025-10-01"), (oneMetric.Intent, oneMetric.Metric, oneMetric.Period!.Start));

        // The same answer through JSON, Slack and Teams.
        var json = JsonSerializer.Serialize(exec);
        Assert.Contains("\"intent\":\"scorecard\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metrics\":[{\"metric\":\"bookings\"", json, StringComparison.Ordinal);
        var slack = ReplyRenderer.Render(exec.Reply);
        Assert.Equal("Executive scorecard · Q1 2026 to date", Assert.IsType<HeaderBlock>(slack.Blocks[0]).Text.Text);
        Assert.Contains(slack.Blocks.OfType<SectionBlock>().SelectMany(b => b.Fields ?? []), t => t.Text == $"*Bookings*\n{f.Money(now)} ({f.Change(now - then, RevBot.Core.Metrics.MetricUnit.Currency)})");
        var card = ReplyCardRenderer.Render(exec.Reply).ToJson();
        Assert.Contains("Executive scorecard", card, StringComparison.Ordinal);
        Assert.Contains("Bookings", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_scorecard_applies_an_exclusion_to_every_headline_and_names_an_amount_it_cannot_apply(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        await using var db = database.NewContext();
        var won = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won)
            .Select(d => new { d.ClosedAt, d.Amount, Region = d.Account!.Region ?? d.Owner!.Region }).ToListAsync(Ct);
        var quarter = won.Where(d => d.ClosedAt >= Q1Start && d.ClosedAt < new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc)).ToList();
        var region = quarter.Where(d => d.Region is not null).GroupBy(d => d.Region).OrderByDescending(g => g.Count()).First().Key!;
        var rest = quarter.Where(d => d.Region != region).Sum(d => d.Amount);
        Assert.True(rest < quarter.Sum(d => d.Amount), "the excluded region booked something this quarter");

        var excluded = await AskAsync(services, $"how are we doing this quarter excluding {region}");
        var spanish = await AskAsync(services, $"¿cómo vamos este trimestre sin {region}?");
        var amount = await AskAsync(services, "how are we doing this quarter over 50k");
        var importe = await AskAsync(services, "¿cómo vamos este trimestre por encima de 50.000?");

        Assert.Equal(("scorecard", true), (excluded.Intent, excluded.Understood));
        Assert.Equal(rest, excluded.Metrics!.Single(m => m.Metric == "bookings").Value!.Value, 2);
        Assert.Contains($"all regions except {region}", excluded.Text, StringComparison.Ordinal);
        Assert.Equal([region], excluded.FilterSets!["region"].Values);
        Assert.True(excluded.FilterSets["region"].Exclude);
        Assert.Equal(excluded.Metrics!.Select(m => m.Value), spanish.Metrics!.Select(m => m.Value));
        Assert.Contains($"todas las regiones excepto {region}", spanish.Text, StringComparison.Ordinal);
        Assert.False(amount.Understood, amount.Text);
        Assert.StartsWith("A scorecard can't be limited to deals over $50K: it mixes deal metrics with ARR and quotas. Ask for one metric, for example \"bookings over $50K this quarter\".", amount.Text, StringComparison.Ordinal);
        Assert.False(importe.Understood, importe.Text);
        Assert.StartsWith("Un resumen no se puede limitar a negocios de más de 50.000\u00A0$", importe.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Upcoming_renewals_read_as_renewals_closing_in_the_next_n_days(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        await using var db = database.NewContext();
        var due = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Open && d.Type == DealType.Renewal && d.CloseDate >= new DateOnly(2026, 3, 15) && d.CloseDate <= new DateOnly(2026, 4, 13))
            .Select(d => d.Id).ToListAsync(Ct);

        var answer = await AskAsync(services, "renewals in the next 30 days");
        var spanish = await AskAsync(services, "renovaciones en los próximos 30 días");

        Assert.NotEmpty(due);
        Assert.Equal("Renewals closing in the next 30 days", answer.Reply.Title);
        Assert.StartsWith($"Top {Math.Min(10, due.Count)} renewals closing in the next 30 days (Mar 15 – Apr 13, 2026): 1. ", answer.Text, StringComparison.Ordinal);
        Assert.All(answer.Items!, i => Assert.Contains(i.Id, due));
        Assert.Equal(Math.Min(10, due.Count), answer.Items!.Count);
        Assert.Equal("Renovaciones con cierre en los próximos 30 días", spanish.Reply.Title);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" }).Build();
        return new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<Answer> AskAsync(ServiceProvider services, string question, string? email = null, string? key = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email, DemoCompanyFixture.AsOf, key), Ct);
    }
}
