using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>
/// A loss reason as a filter ("deals lost to price") and loss reasons within each region ("loss reasons by region"),
/// asked on the seeded demo company (as of 2026-03-15, UTC; last quarter is Q4 2025). Every number is worked out here
/// from the lost deals themselves, with the region as the metrics read it: the account's, else the owner's.
/// </summary>
public sealed class LossReasonFilterAnswerTests(DemoCompanyFixture demo)
{
    private static readonly DateTime Q4Start = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Q1Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly AnswerFormatter En = new("en", "USD");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly AnswerFormatter Es = new("es", "USD");

    private sealed record Lost(string Id, string? Reason, decimal Amount, string? Region, string? Owner, string? OwnerName);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_loss_reason_narrows_the_lost_deals_and_the_answer_says_which_reason_and_period(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        var lost = await LostLastQuarterAsync(database);
        var price = lost.Where(d => d.Reason == "price").ToList();
        var competitor = lost.Where(d => d.Reason == "competitor").ToList();
        Assert.True(price.Count > 1 && competitor.Count > 1, "the demo company lost deals to price and to competitors last quarter");

        var count = await AskAsync(services, "how many deals did we lose to price last quarter");
        var spanish = await AskAsync(services, "¿cuántos negocios perdimos por precio el trimestre pasado?");
        var amount = await AskAsync(services, "lost amount due to the competition last quarter");
        var either = await AskAsync(services, "deals lost to price or competitors last quarter");

        Assert.Equal(("deals_lost", price.Count), (count.Metric, count.Value));
        Assert.Equal("price", count.Filters!["loss_reason"]);
        // Compared with the quarter before, the same reason only.
        var before = (await LostAsync(database, new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), Q4Start)).Count(d => d.Reason == "price");
        var change = price.Count - before;
        Assert.Equal($"Deals lost for loss reason price, Q4 2025 (Oct 1 – Dec 31, 2025) is {En.Count(price.Count)}, {(change > 0 ? "up" : "down")} {En.Count(Math.Abs(change))} from {En.Count(before)} in Q3 2025.", count.Text);
        Assert.Equal(price.Count, spanish.Value);
        Assert.Contains("motivo de pérdida price", spanish.Text, StringComparison.Ordinal);
        Assert.EndsWith("(He entendido «precio» como el motivo de pérdida price.)", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(("lost_amount", competitor.Sum(d => d.Amount), (decimal?)competitor.Count), (amount.Metric, amount.Value!.Value, amount.Numerator));
        Assert.Contains(En.Money(competitor.Sum(d => d.Amount)), amount.Text, StringComparison.Ordinal);
        Assert.EndsWith("(I read 'competition' as the loss reason competitor.)", amount.Text, StringComparison.Ordinal);
        Assert.Equal(price.Count + competitor.Count, either.Value);
        Assert.Equal(["price", "competitor"], either.FilterSets!["loss_reason"].Values);
        Assert.Contains("loss reason price or competitor", either.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_list_of_deals_lost_to_a_reason_holds_only_those_deals_largest_first(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        var price = (await LostLastQuarterAsync(database)).Where(d => d.Reason == "price").OrderByDescending(d => d.Amount).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        var list = await AskAsync(services, "biggest deals we lost to price last quarter");

        Assert.True(list.Understood, list.Text);
        Assert.Equal(price.Take(10).Select(d => (d.Id, d.Amount)), list.Items!.Select(i => (i.Id, i.Value!.Value)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_reason_the_company_does_not_record_is_refused_by_name_with_the_reasons_it_has(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);

        var english = await AskAsync(services, "deals lost to aliens last quarter");
        var spanish = await AskAsync(services, "negocios perdidos debido a extraterrestres");

        Assert.False(english.Understood);
        Assert.StartsWith("I don't have a loss reason called aliens — loss reasons here are competitor, no budget, no decision, price, product fit and timing.", english.Text, StringComparison.Ordinal);
        Assert.False(spanish.Understood);
        Assert.StartsWith("No tengo un motivo de pérdida llamado extraterrestres: los motivos de pérdida aquí son competitor, no budget, no decision, price, product fit y timing.", spanish.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Loss_reasons_by_region_give_each_regions_reasons_with_counts_amounts_and_shares(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        var lost = await LostLastQuarterAsync(database);
        var expected = lost.GroupBy(d => d.Region ?? "").ToDictionary(g => g.Key, g => g.GroupBy(d => d.Reason ?? "")
            .ToDictionary(r => r.Key, r => ((decimal)r.Count(), r.Sum(d => d.Amount), (decimal)r.Count() / g.Count())));
        Assert.True(expected.Count > 1 && expected.Values.All(r => r.Count > 1), "several regions, each with several reasons");

        var answer = await AskAsync(services, "loss reasons by region last quarter");
        var spanish = await AskAsync(services, "motivos de pérdida por región el trimestre pasado");

        Assert.Equal(("deals_lost", "region", "loss_reason", (decimal?)lost.Count), (answer.Metric, answer.GroupBy, answer.ThenBy, answer.Value));
        Assert.Equal(lost.Sum(d => d.Amount), answer.LostAmount!.Value, 2);
        var actual = answer.Breakdown!.ToDictionary(g => g.Key, g => g.Breakdown!.ToDictionary(r => r.Key, r => (r.Count!.Value, Math.Round(r.Amount!.Value, 2), Math.Round(r.Share!.Value, 10))));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (region, reasons) in expected)
            Assert.Equal(reasons.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Item1, Math.Round(r.Value.Item2, 2), Math.Round(r.Value.Item3, 10))),
                actual[region].OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Item1, r.Value.Item2, r.Value.Item3)));
        // Regions with the most lost deals first; each shows its top three reasons, most deals first.
        var first = answer.Breakdown![0];
        Assert.Equal(expected.Max(g => g.Value.Values.Sum(r => r.Item1)), first.Count);
        var top = first.Breakdown![0];
        Assert.StartsWith($"Deals lost by region and loss reason for Q4 2025 (Oct 1 – Dec 31, 2025): {En.Count(lost.Count)} deals lost, {En.Money(lost.Sum(d => d.Amount))}. "
            + $"Top reasons per region, most deals first: {first.Label} {En.Count(first.Count!.Value)} deals, {En.Money(first.Amount!.Value)} — "
            + $"{top.Label} {En.Count(top.Count!.Value)} ({En.Percent(top.Share!.Value)}, {En.Money(top.Amount!.Value)})", answer.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Breakdown!.Sum(g => Math.Min(3, g.Breakdown!.Count)), answer.Reply.Table!.Rows.Count);
        Assert.StartsWith($"Negocios perdidos por región y motivo en T4 2025 (del 1 oct al 31 dic 2025): {Es.Count(lost.Count)} negocios perdidos", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Breakdown!.Select(g => g.Count), spanish.Breakdown!.Select(g => g.Count));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Loss_reasons_by_rep_filtered_to_a_reason_and_by_amount_use_the_same_rows(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = Services(database);
        var lost = await LostLastQuarterAsync(database);

        var byRep = await AskAsync(services, "why did we lose deals last quarter by rep");
        var top1 = await AskAsync(services, "top 1 reason we lost deals by region last quarter");

        var reps = lost.GroupBy(d => d.Owner ?? "").ToDictionary(g => g.Key, g => (Count: (decimal)g.Count(), Amount: g.Sum(d => d.Amount)));
        Assert.Equal(reps.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Count, Math.Round(r.Value.Amount, 2))),
            byRep.Breakdown!.OrderBy(g => g.Key).Select(g => (g.Key, g.Count!.Value, Math.Round(g.Amount!.Value, 2))));
        var name = lost.First(d => d.Owner == byRep.Breakdown![0].Key).OwnerName;
        Assert.Equal(name, byRep.Breakdown![0].Label);
        Assert.Equal("owner", byRep.GroupBy);
        // One reason per region in the text and the table; the JSON keeps them all.
        Assert.Equal(top1.Breakdown!.Count, top1.Reply.Table!.Rows.Count);
        Assert.Contains(" more reasons", top1.Text, StringComparison.Ordinal);
        Assert.Equal(lost.Count, top1.Breakdown!.Sum(g => g.Breakdown!.Sum(r => r.Count!.Value)));
    }

    [Fact]
    public async Task Loss_reasons_by_region_against_another_period_are_refused_not_answered_without_the_comparison()
    {
        var database = await demo.GetAsync(DbProvider.Sqlite);
        await using var services = Services(database);

        var answer = await AskAsync(services, "loss reasons by region last quarter vs Q3 2025");

        Assert.False(answer.Understood);
    }

    private static Task<List<Lost>> LostLastQuarterAsync(TestDatabase database) => LostAsync(database, Q4Start, Q1Start);

    private static async Task<List<Lost>> LostAsync(TestDatabase database, DateTime from, DateTime to)
    {
        await using var db = database.NewContext();
        var rows = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Lost)
            .Select(d => new { d.Id, d.ClosedAt, d.LossReason, d.Amount, AccountRegion = d.Account!.Region, OwnerRegion = d.Owner!.Region, Owner = d.Owner!.Email, OwnerName = d.Owner!.Name })
            .ToListAsync(Ct);
        return [.. rows.Where(d => d.ClosedAt >= from && d.ClosedAt < to)
            .Select(d => new Lost(d.Id, d.LossReason, d.Amount, d.AccountRegion ?? d.OwnerRegion, d.Owner, d.OwnerName))];
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" }).Build();
        return new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<Answer> AskAsync(ServiceProvider services, string question)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, null, DemoCompanyFixture.AsOf), Ct);
    }
}
