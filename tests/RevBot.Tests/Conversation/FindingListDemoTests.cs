using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Outbox;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>
/// Stalled deals and accounts at risk asked on the seeded demo company: narrowed by region and by owner, the list is the
/// scan's findings whose deal or account falls in the slice, worked out here from the rows themselves; "and in EMEA?"
/// narrows the previous list.
/// </summary>
public sealed class FindingListDemoTests(DemoCompanyFixture demo)
{
    private const int Everything = 1000;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Stalled_deals_in_a_region_and_a_reps_own_are_the_findings_in_that_slice(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = SuggestionWalk.Services(database);
        var findings = await SuggestionWalk.ScanAsync(services);
        await using var db = database.NewContext();
        var deals = await db.Deals.AsNoTracking().Select(d => new { d.Id, Region = d.Account!.Region ?? d.Owner!.Region, Owner = d.Owner!.Email }).ToDictionaryAsync(d => d.Id, Ct);
        var stalled = findings.Where(f => f.Kind == AlertKind.StalledDeal).Select(f => f.SubjectId).ToList();
        var emea = stalled.Where(id => deals[id].Region == "EMEA").ToList();
        var owner = deals[stalled[0]].Owner!;
        var owners = stalled.Where(id => deals[id].Owner == owner).ToList();
        var (alerts, outbox) = (await db.Alerts.CountAsync(Ct), await db.Outbox.CountAsync(Ct));

        var inEmea = await AskAsync(services, $"top {Everything} stalled deals in EMEA");
        var spanish = await AskAsync(services, "negocios estancados en EMEA");
        var mine = await AskAsync(services, $"my top {Everything} stalled deals", owner);
        var key = $"test:{Guid.NewGuid():N}";
        await AskAsync(services, $"top {Everything} stalled deals", key: key);
        var followUp = await AskAsync(services, "and in EMEA?", key: key);

        Assert.NotEmpty(emea);
        Assert.True(emea.Count < stalled.Count);
        Assert.Equal(emea, inEmea.Items!.Select(i => i.Id));
        Assert.Equal(emea.Count, spanish.Reply.Table!.TotalRows);
        Assert.StartsWith($"{emea.Count} negocios estancados (región EMEA) a 15 mar 2026", spanish.Text, StringComparison.Ordinal);
        Assert.Equal(owners, mine.Items!.Select(i => i.Id));
        Assert.Equal(emea, followUp.Items!.Select(i => i.Id));
        Assert.Equal((alerts, outbox), (await db.Alerts.CountAsync(Ct), await db.Outbox.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Accounts_at_risk_in_a_region_are_the_churn_findings_in_that_region(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = SuggestionWalk.Services(database);
        var findings = await SuggestionWalk.ScanAsync(services);
        await using var db = database.NewContext();
        var regions = await db.Accounts.AsNoTracking().Select(a => new { a.Id, Region = a.Region ?? a.Owner!.Region }).ToDictionaryAsync(a => a.Id, a => a.Region, Ct);
        var atRisk = findings.Where(f => f.Kind == AlertKind.ChurnRisk).ToList();
        var emea = atRisk.Where(f => regions[f.SubjectId] == "EMEA").Select(f => (f.SubjectId, (decimal?)f.Score)).ToList();

        var answer = await AskAsync(services, $"top {Everything} accounts at risk of churning in EMEA");

        Assert.NotEmpty(atRisk);
        Assert.Equal(emea, answer.Items!.Select(i => (i.Id, i.Value)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Answer> AskAsync(ServiceProvider services, string question, string? email = null, string? key = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email, DemoCompanyFixture.AsOf, key), Ct);
    }
}
