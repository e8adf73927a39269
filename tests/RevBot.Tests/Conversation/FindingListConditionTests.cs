using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The finding lists take the conditions metric questions take: an amount range (a deal's amount, an account's ARR
/// today), exclusions, several values and a breakdown, applied in the database and restated in the answer. Each
/// expected list is the unconditioned list narrowed here, in C#, from the seeded rows (<see cref="FindingConditionsDatabase"/>).
/// </summary>
[Collection(FindingConditionsCollection.Name)]
public sealed class FindingListConditionTests(FindingConditionsDatabase data)
{
    /// <summary>Every scored account alerted, so the list has several.</summary>
    private static readonly Dictionary<string, string?> EveryScore = new() { ["Alerts:Churn:MinScore"] = "1" };

    private sealed record DealRow(string Id, decimal Amount, string? Region, string? Product);

    private sealed record AccountRow(string Id, string? Region, decimal Arr);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Stalled_deals_take_an_amount_range(DbProvider provider)
    {
        var (all, deals) = await StalledAsync(provider);
        List<string> Expected(Func<DealRow, bool> keep) => [.. all.Where(id => keep(deals[id]))];

        var over = await data.AskAsync(provider, "stalled deals over 85k");
        var between = await data.AskAsync(provider, "deals at risk between $10k and $60k");
        var spanish = await data.AskAsync(provider, "tratos estancados de más de 50\u00A0mil");

        Assert.Equal(Expected(d => d.Amount > 85_000m), Ids(over));
        Assert.Equal(3, over.Items!.Count);
        Assert.StartsWith("3 stalled deals (amount over $85K) as of Jun 15, 2026: 1. Acme stuck ($90K): ", over.Text, StringComparison.Ordinal);
        Assert.Equal(new AnswerAmount(85_000m, null, false, false), over.Amount);
        // "between" takes both ends: the 60,000 and the 10,000 deals are in.
        Assert.Equal(Expected(d => d.Amount is >= 10_000m and <= 60_000m), Ids(between));
        Assert.Equal(["cut", "renewal-stalled", "ownerless"], Ids(between));
        Assert.Contains("(amount between $10K and $60K)", between.Text, StringComparison.Ordinal);
        Assert.Equal(Expected(d => d.Amount > 50_000m), Ids(spanish));
        Assert.StartsWith($"{Ids(spanish).Count} negocios estancados (importe de más de 50.000\u00A0$) a 15 jun 2026: ", spanish.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Stalled_deals_take_exclusions_and_several_values(DbProvider provider)
    {
        var (all, deals) = await StalledAsync(provider);
        List<string> Expected(Func<DealRow, bool> keep) => [.. all.Where(id => keep(deals[id]))];

        var notWest = await data.AskAsync(provider, "stalled deals excluding West");
        var westAndEast = await data.AskAsync(provider, "stuck deals in West and East");
        var notBasic = await data.AskAsync(provider, "stalled deals not GTX Basic");
        var spanish = await data.AskAsync(provider, "negocios estancados sin West ni East");

        // An exclusion keeps the deals with no value, as the metric engine does ("everything but West").
        Assert.Equal(Expected(d => d.Region != "West"), Ids(notWest));
        Assert.Equal(["renewal-stalled", "ownerless"], Ids(notWest));
        Assert.StartsWith("2 stalled deals (all regions except West) as of Jun 15, 2026: ", notWest.Text, StringComparison.Ordinal);
        Assert.Equal(["West"], notWest.FilterSets!["region"].Values);
        Assert.True(notWest.FilterSets["region"].Exclude);
        Assert.Equal(Expected(d => d.Region is "West" or "East"), Ids(westAndEast));
        Assert.Equal(all.Count - 1, Ids(westAndEast).Count);
        Assert.Contains("(region West and East)", westAndEast.Text, StringComparison.Ordinal);
        Assert.Equal(["West", "East"], westAndEast.FilterSets!["region"].Values);
        Assert.False(westAndEast.FilterSets["region"].Exclude);
        Assert.Equal(Expected(d => d.Product != "GTX Basic"), Ids(notBasic));
        Assert.Equal(all.Count - FindingConditionsDatabase.GtxBasic.Length, Ids(notBasic).Count);
        Assert.Contains("(all products except GTX Basic)", notBasic.Text, StringComparison.Ordinal);
        Assert.Equal(["ownerless"], Ids(spanish));
        Assert.StartsWith("1 negocio estancado (todas las regiones excepto West y East) a 15 jun 2026: ", spanish.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Accounts_at_risk_take_an_arr_range_exclusions_and_several_values(DbProvider provider)
    {
        var all = Ids(await data.AskAsync(provider, "which accounts are at risk of churning?", settings: EveryScore));
        var accounts = await AccountsAsync(provider);
        List<string> Expected(Func<AccountRow, bool> keep) => [.. all.Where(id => keep(accounts[id]))];

        var big = await data.AskAsync(provider, "accounts over $50k ARR at risk", settings: EveryScore);
        var spanish = await data.AskAsync(provider, "cuentas en riesgo de más de 100\u00A0mil", settings: EveryScore);
        var westAndEast = await data.AskAsync(provider, "who might churn in West and East", settings: EveryScore);
        var notEast = await data.AskAsync(provider, "customers at risk excluding East", settings: EveryScore);

        // An account's amount is its ARR today: 12 × the MRR of its subscriptions active on the day.
        Assert.Equal(Expected(a => a.Arr > 50_000m), Ids(big));
        Assert.Equal(["acc-tickets", "acc-usage"], Ids(big).Order());
        Assert.Contains("(ARR over $50K)", big.Text, StringComparison.Ordinal);
        Assert.Contains("Usage Falls, ARR $120K, risk ", big.Text, StringComparison.Ordinal);
        Assert.Equal(new AnswerAmount(50_000m, null, false, false), big.Amount);
        Assert.Equal(Ids(big).Select(id => (decimal?)accounts[id].Arr), big.Items!.Select(i => i.Arr));
        Assert.Equal(Expected(a => a.Arr > 100_000m), Ids(spanish));
        Assert.Equal(["acc-usage"], Ids(spanish));
        Assert.Contains("(ARR de más de 100.000\u00A0$)", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(Expected(a => a.Region is "West" or "East"), Ids(westAndEast));
        Assert.NotEmpty(Ids(westAndEast));
        Assert.Contains("(region West and East)", westAndEast.Text, StringComparison.Ordinal);
        Assert.Equal(Expected(a => a.Region != "East"), Ids(notEast));
        Assert.NotEqual(all.Count, Ids(notEast).Count);
        Assert.Contains("(all regions except East)", notEast.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_breakdown_groups_the_list_and_is_never_dropped(DbProvider provider)
    {
        var (all, deals) = await StalledAsync(provider);
        var byRegion = await data.AskAsync(provider, "stalled deals by region");
        var spanish = await data.AskAsync(provider, "negocios estancados por región");
        var accounts = await AccountsAsync(provider);
        var atRisk = Ids(await data.AskAsync(provider, "accounts at risk", settings: EveryScore));
        var accountsByRegion = await data.AskAsync(provider, "accounts at risk by region", settings: EveryScore);

        var groups = all.GroupBy(id => deals[id].Region).OrderBy(g => g.Key is null).ThenByDescending(g => g.Count()).ToList();
        Assert.Equal("region", byRegion.GroupBy);
        Assert.Equal(groups.Select(g => (g.Key ?? "", g.Count(), g.Sum(id => deals[id].Amount))),
            byRegion.Breakdown!.Select(b => (b.Key, (int)b.Count!.Value, b.Amount!.Value)));
        Assert.Equal(groups.SelectMany(g => g), Ids(byRegion));
        Assert.StartsWith("9 stalled deals by region as of Jun 15, 2026: West 7 ($572K), East 1 ($12K), no region 1 ($10K). 1. Acme stuck ($90K, West): ", byRegion.Text, StringComparison.Ordinal);
        Assert.Equal("Region", byRegion.Reply.Table!.Columns[0]);
        Assert.StartsWith("9 negocios estancados por región a 15 jun 2026: West 7 ", spanish.Text, StringComparison.Ordinal);
        Assert.Contains("sin región 1", spanish.Text, StringComparison.Ordinal);
        var accountGroups = atRisk.GroupBy(id => accounts[id].Region).ToDictionary(g => g.Key ?? "", g => g.Count());
        Assert.Equal(accountGroups.OrderBy(kv => kv.Key), accountsByRegion.Breakdown!.ToDictionary(b => b.Key, b => (int)b.Count!.Value).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    public async Task What_a_list_cannot_group_or_narrow_by_is_refused_by_name(DbProvider provider)
    {
        var byStage = await data.AskAsync(provider, "stalled deals by stage");
        var byType = await data.AskAsync(provider, "stalled deals by deal type");
        var product = await data.AskAsync(provider, "accounts at risk excluding GTX Basic", settings: EveryScore);

        Assert.False(byStage.Understood, byStage.Text);
        Assert.Contains("I can group this list by rep, team, region, segment or product, but not by stage.", byStage.Text, StringComparison.Ordinal);
        Assert.False(byType.Understood, byType.Text);
        Assert.Contains("but not by deal type", byType.Text, StringComparison.Ordinal);
        Assert.False(product.Understood, product.Text);
        Assert.Contains("I can narrow this list by rep, team, region, segment or ARR, but not by product.", product.Text, StringComparison.Ordinal);
    }

    private static List<string> Ids(Answer answer)
    {
        Assert.True(answer.Understood, answer.Text);
        return [.. answer.Items!.Select(i => i.Id)];
    }

    private async Task<(List<string> All, Dictionary<string, DealRow> Deals)> StalledAsync(DbProvider provider)
    {
        var all = Ids(await data.AskAsync(provider, "which deals are stalled?"));
        Assert.Equal(9, all.Count);
        var deals = await data.UseAsync(provider, async db => await db.Deals.AsNoTracking().Include(d => d.Account).Include(d => d.Owner).ToListAsync());
        return (all, deals.ToDictionary(d => d.Id, d => new DealRow(d.Id, d.Amount, d.Account?.Region ?? d.Owner?.Region, d.Product)));
    }

    private Task<Dictionary<string, AccountRow>> AccountsAsync(DbProvider provider) => data.UseAsync(provider, async db =>
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().ToListAsync();
        var accounts = await db.Accounts.AsNoTracking().Include(a => a.Owner).ToListAsync();
        return accounts.ToDictionary(a => a.Id, a => new AccountRow(a.Id, a.Region ?? a.Owner?.Region,
            12m * subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= AsOf && (s.EndDate is null || s.EndDate > AsOf)).Sum(s => s.Mrr)));
    });
}
