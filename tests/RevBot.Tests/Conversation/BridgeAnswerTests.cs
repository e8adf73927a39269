using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Metrics;
using static RevBot.Tests.Metrics.BridgeDataset;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The ARR bridge asked in chat, on a SaaS billing export with no deals (<see cref="BridgeDataset"/>): "customers who
/// churned last quarter" lists the accounts the test finds itself, "new ARR" is the new customers' ARR, and a metric
/// whose data was never loaded says which file is missing instead of answering 0.
/// </summary>
public sealed class BridgeAnswerTests(BridgeDatabase data) : IClassFixture<BridgeDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AnswerFormatter En = new("en", "USD");
    private static readonly AnswerFormatter Es = new("es", "USD");

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Customers_who_churned_last_quarter_are_the_bridges_churned_accounts_largest_first(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var churned = Expected(Q3_2026, ArrMovement.Churn);

        var answer = await AskAsync(services, "customers who churned last quarter");
        var spanish = await AskAsync(services, "¿qué clientes se dieron de baja el trimestre pasado?");

        Assert.Equal(("list", "churned_arr", ReplyKind.List), (answer.Intent, answer.Metric, answer.Reply.Kind));
        Assert.Equal(new AnswerPeriod("2026-07-01", "2026-09-30", "Q3 2026"), answer.Period);
        Assert.Equal(churned.Take(10).Select(m => (m.Id, (decimal?)(m.After - m.Before))), answer.Items!.Select(i => (i.Id, i.Value)));
        var arr = churned.Sum(m => m.Leg);
        Assert.Equal((arr, (decimal?)churned.Count), (answer.Value, answer.Numerator));
        var first = churned[0];
        Assert.StartsWith($"{churned.Count} customers churned in Q3 2026 (Jul 1 – Sep 30, 2026), {En.Money(arr)} of churned ARR", answer.Text, StringComparison.Ordinal);
        Assert.Contains($": 1. {first.Name} {En.Money(first.Before)} → $0 ({En.SignedMoney(-first.Leg)});", answer.Text, StringComparison.Ordinal);
        Assert.Equal([first.Name, "—", En.Money(first.Before), "$0", En.SignedMoney(-first.Leg)], answer.Reply.Table!.Rows[0]);
        Assert.Equal(churned.Count, answer.Reply.Table.TotalRows);
        Assert.Equal(10, answer.Limit);
        Assert.Equal((first.Before, first.After), (answer.Items![0].Before, answer.Items[0].After));

        Assert.Equal(answer.Items!.Select(i => i.Id), spanish.Items!.Select(i => i.Id));
        Assert.StartsWith($"{churned.Count} clientes se dieron de baja en T3 2026 (del 1 jul al 30 sept 2026), {Es.Money(arr)} de ARR perdido", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(["Cuenta", "Responsable", "ARR antes", "ARR después", "Cambio"], spanish.Reply.Table!.Columns);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Downgrades_and_expansions_are_listed_for_the_period_so_far_and_the_filter_asked(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var thisYear = new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "2026", PeriodGrain.Year);

        var downgraded = await AskAsync(services, "which accounts downgraded this year");
        var emea = await AskAsync(services, "who expanded in EMEA last year");
        var reduced = await AskAsync(services, "cuentas que redujeron su contrato");

        var contraction = Expected(thisYear, ArrMovement.Contraction);
        Assert.Equal(("contraction_arr", "2026-01-01", "2026-11-27"), (downgraded.Metric, downgraded.Period!.Start, downgraded.Period.End));
        Assert.Equal(contraction.Take(10).Select(m => m.Id), downgraded.Items!.Select(i => i.Id));
        Assert.StartsWith($"{contraction.Count} customers downgraded in 2026 to date (Jan 1 – Nov 27, 2026), {En.Money(contraction.Sum(m => m.Leg))} of contraction ARR", downgraded.Text, StringComparison.Ordinal);

        var expanded = Expected(Year2025, ArrMovement.Expansion, a => a.Region == "EMEA");
        Assert.NotEmpty(expanded);
        Assert.Equal(("expansion_arr", "EMEA"), (emea.Metric, emea.Filters!["region"]));
        Assert.Equal(expanded.Take(10).Select(m => m.Id), emea.Items!.Select(i => i.Id));
        Assert.StartsWith($"{expanded.Count} {(expanded.Count == 1 ? "customer" : "customers")} expanded in 2025 (Jan 1 – Dec 31, 2025), EMEA region, ", emea.Text, StringComparison.Ordinal);

        var quarter = Expected(Q4_2026, ArrMovement.Contraction);
        Assert.Equal(("es", "contraction_arr", "2026-11-27"), (reduced.Language, reduced.Metric, reduced.Period!.End));
        Assert.Equal(quarter.Take(10).Select(m => m.Id), reduced.Items!.Select(i => i.Id));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Follow_ups_narrow_the_list_and_by_region_ranks_the_regions_by_the_leg(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var (one, other) = ($"test:{Guid.NewGuid():N}", $"test:{Guid.NewGuid():N}");

        await AskAsync(services, "customers who churned last quarter", one);
        var byRegion = await AskAsync(services, "by region", one);
        await AskAsync(services, "customers who churned last quarter", other);
        var emea = await AskAsync(services, "and in EMEA?", other);
        var lastYear = await AskAsync(services, "what about last year?", other);

        Assert.Equal(("list", "churned_arr", "region"), (byRegion.Intent, byRegion.Metric, byRegion.GroupBy));
        Assert.Equal(
            Regions.Select(r => (r, (decimal?)Expected(Q3_2026, ArrMovement.Churn, a => a.Region == r).Sum(m => m.Leg))).Where(r => r.Item2 > 0).OrderBy(r => r.r),
            byRegion.Items!.Where(i => i.Value > 0).Select(i => (i.Id, i.Value)).OrderBy(r => r.Id));
        Assert.Equal(("churned_arr", "EMEA", "2025-01-01"), (lastYear.Metric, lastYear.Filters!["region"], lastYear.Period!.Start));
        Assert.Equal(Expected(Q3_2026, ArrMovement.Churn, a => a.Region == "EMEA").Take(10).Select(m => m.Id), emea.Items!.Select(i => i.Id));
        Assert.Equal(Expected(Year2025, ArrMovement.Churn, a => a.Region == "EMEA").Take(10).Select(m => m.Id), lastYear.Items!.Select(i => i.Id));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task New_ARR_is_the_new_customers_ARR_and_net_new_ARR_stays_the_change(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var moves = Moves(Q3_2026);
        var added = moves.Where(m => m.Movement == ArrMovement.New).ToList();

        var newArr = await AskAsync(services, "new ARR last quarter");
        var netNew = await AskAsync(services, "net new ARR last quarter");
        var spanish = await AskAsync(services, "ARR nuevo el trimestre pasado");
        var bySegment = await AskAsync(services, "expansion ARR by segment last quarter");

        Assert.Equal(("new_arr", added.Sum(m => m.Leg), (decimal?)added.Count), (newArr.Metric, newArr.Value, newArr.Numerator));
        Assert.Contains($"is {En.Money(added.Sum(m => m.Leg))} ({added.Count} new customers)", newArr.Text, StringComparison.Ordinal);
        Assert.Equal(("net_new_arr", moves.Sum(m => m.After - m.Before)), (netNew.Metric, netNew.Value));
        Assert.Equal(("new_arr", newArr.Value), (spanish.Metric, spanish.Value));
        Assert.Equal("segment", bySegment.GroupBy);
        Assert.Equal(
            Segments.Select(s => (s, (decimal?)Expected(Q3_2026, ArrMovement.Expansion, a => a.Segment == s).Sum(m => m.Leg))).OrderBy(r => r.s),
            bySegment.Breakdown!.Select(b => (b.Key, b.Value)).OrderBy(r => r.Key));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_metric_whose_data_was_never_loaded_names_the_missing_file_instead_of_answering_zero(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);

        var cac = await AskAsync(services, "CAC last quarter");
        var cacEs = await AskAsync(services, "CAC el trimestre pasado");
        var winRate = await AskAsync(services, "win rate this quarter");
        var attainment = await AskAsync(services, "quota attainment this quarter");
        var deals = await AskAsync(services, "top 10 open deals");
        var byRep = await AskAsync(services, "top 5 reps by bookings");
        var customers = await AskAsync(services, "new customers last quarter");

        Assert.Equal("Customer acquisition cost needs sales and marketing spend (spend.csv); none is loaded.", cac.Text);
        Assert.Equal(("cac", (decimal?)null), (cac.Metric, cac.Value));
        Assert.Equal(["spend"], cac.MissingData!);
        Assert.Equal("Para calcular coste de adquisición de clientes necesito el gasto de ventas y marketing (spend.csv), pero no hay datos cargados.", cacEs.Text);
        Assert.Equal("Win rate needs deals (deals.csv); none is loaded.", winRate.Text);
        Assert.Equal("Quota attainment needs deals (deals.csv) and quotas (quotas.csv); neither is loaded.", attainment.Text);
        Assert.Equal(["deals", "quotas"], attainment.MissingData!);
        Assert.Equal("This list needs deals (deals.csv); none is loaded.", deals.Text);
        Assert.Equal("Bookings need deals (deals.csv); none is loaded.", byRep.Text);
        // New customers come from first paid subscriptions here: a number, not a missing-data answer.
        Assert.Null(customers.MissingData);
        Assert.Equal(FirstPaidSubscriptions(Q3_2026), customers.Value);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_company_without_subscriptions_is_told_so_for_ARR_and_the_bridge_lists(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Accounts.Add(new Account { Id = "acc-1", Name = "Only Deals Inc" });
            db.Deals.Add(new Deal { Id = "d-1", Name = "Lost one", AccountId = "acc-1", Amount = 500m, Status = DealStatus.Lost, Stage = "Closed Lost", ClosedAt = new DateTime(2026, 8, 1, 12, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(Ct);
        }
        await using var services = Services(database.Target);

        var arr = await AskAsync(services, "what is our ARR");
        var churned = await AskAsync(services, "customers who churned last quarter");
        var spanish = await AskAsync(services, "¿qué clientes se dieron de baja el trimestre pasado?");
        var newCustomers = await AskAsync(services, "new customers last quarter");

        Assert.Equal("ARR needs subscriptions (subscriptions.csv); none is loaded.", arr.Text);
        Assert.Equal(("list", "Churned ARR needs subscriptions (subscriptions.csv); none is loaded."), (churned.Intent, churned.Text));
        Assert.Equal("Para calcular ARR perdido necesito suscripciones (subscriptions.csv), pero no hay datos cargados.", spanish.Text);
        Assert.Equal("New customers need won new-business deals (deals.csv) or subscriptions (subscriptions.csv); neither is loaded.", newCustomers.Text);
        Assert.Equal(["deals", "subscriptions"], newCustomers.MissingData!);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task New_customers_are_listed_from_the_bridges_new_accounts_with_their_new_ARR(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var added = Expected(Q3_2026, ArrMovement.New);
        var emea = Expected(Year2025, ArrMovement.New, a => a.Region == "EMEA");
        Assert.True(added.Count > 1 && emea.Count > 0, "the dataset has new customers to list");

        var answer = await AskAsync(services, "list new customers last quarter");
        var spanish = await AskAsync(services, "lista de clientes nuevos del último trimestre");
        var inEmea = await AskAsync(services, "which customers were new in EMEA last year");

        Assert.Equal(("list", "new_arr"), (answer.Intent, answer.Metric));
        Assert.Equal(added.Take(10).Select(m => (m.Id, (decimal?)m.After)), answer.Items!.Select(i => (i.Id, i.Value)));
        Assert.Equal((added.Sum(m => m.After), (decimal?)added.Count), (answer.Value, answer.Numerator));
        Assert.StartsWith($"{added.Count} new customers in Q3 2026 (Jul 1 – Sep 30, 2026), {En.Money(added.Sum(m => m.After))} of new ARR", answer.Text, StringComparison.Ordinal);
        Assert.Contains($": 1. {added[0].Name} $0 → {En.Money(added[0].After)} ({En.SignedMoney(added[0].After)})", answer.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Items!.Select(i => i.Id), spanish.Items!.Select(i => i.Id));
        Assert.StartsWith($"{added.Count} clientes nuevos en T3 2026", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(emea.Take(10).Select(m => m.Id), inEmea.Items!.Select(i => i.Id));
        Assert.Equal("EMEA", inEmea.Filters!["region"]);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Bridge_lists_apply_exclusions_and_several_values_and_name_an_amount_they_cannot_apply(DbProvider provider)
    {
        await using var services = Services((await data.GetAsync(provider)).Target);
        var notEmea = Expected(Q3_2026, ArrMovement.Churn, a => a.Region != "EMEA");
        var twoRegions = Expected(Year2025, ArrMovement.Expansion, a => a.Region is "EMEA" or "NA");
        Assert.True(notEmea.Count > 0 && twoRegions.Count > 0 && notEmea.Count < Expected(Q3_2026, ArrMovement.Churn).Count, "the filters change the lists");

        var excluded = await AskAsync(services, "customers who churned last quarter except EMEA");
        var spanish = await AskAsync(services, "¿qué clientes se dieron de baja el trimestre pasado excepto EMEA?");
        var both = await AskAsync(services, "which customers expanded last year in EMEA and NA");
        var amount = await AskAnyAsync(services, "customers who churned last quarter over 50k");

        Assert.Equal(notEmea.Take(10).Select(m => m.Id), excluded.Items!.Select(i => i.Id));
        Assert.Equal((notEmea.Sum(m => m.Leg), (decimal?)notEmea.Count), (excluded.Value, excluded.Numerator));
        Assert.StartsWith($"{notEmea.Count} {(notEmea.Count == 1 ? "customer" : "customers")} churned in Q3 2026 (Jul 1 – Sep 30, 2026), all regions except EMEA, ", excluded.Text, StringComparison.Ordinal);
        Assert.Equal(["EMEA"], excluded.FilterSets!["region"].Values);
        Assert.True(excluded.FilterSets["region"].Exclude);
        Assert.Contains("todas las regiones excepto EMEA", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(excluded.Items!.Select(i => i.Id), spanish.Items!.Select(i => i.Id));
        Assert.Equal(twoRegions.Take(10).Select(m => m.Id), both.Items!.Select(i => i.Id));
        Assert.Contains("EMEA and NA", both.Text, StringComparison.Ordinal);
        Assert.False(amount.Understood, amount.Text);
        Assert.StartsWith("I can't limit churned ARR to deals over $50K", amount.Text, StringComparison.Ordinal);
    }

    /// <summary>The accounts of one leg, worked out by the test, as the list orders them: largest change first, then by name.</summary>
    private static List<Move> Expected(Period period, ArrMovement movement, Func<Account, bool>? keep = null) =>
        [.. Moves(period, keep).Where(m => m.Movement == movement).OrderByDescending(m => m.Leg).ThenBy(m => m.Name, StringComparer.Ordinal)];

    private static ServiceProvider Services(DbTarget target)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = BridgeDataset.TimeZone }).Build();
        return new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(target).BuildServiceProvider();
    }

    private static async Task<Answer> AskAsync(ServiceProvider services, string question, string? conversation = null)
    {
        var answer = await AskAnyAsync(services, question, conversation);
        Assert.True(answer.Understood, $"\"{question}\": {answer.Text}");
        return answer;
    }

    private static async Task<Answer> AskAnyAsync(ServiceProvider services, string question, string? conversation = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, null, AsOf, conversation), Ct);
    }
}
