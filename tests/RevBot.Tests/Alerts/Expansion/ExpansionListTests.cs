using RevBot.Core.Alerts;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// "Which accounts are ready to expand?" answered from the expansion scoring on <see cref="ExpansionDataset"/>: the
/// accounts the scan alerts, highest score first, with their ARR, score and reasons and an "Expansion deal" button
/// each; "my" keeps the asker's; Spanish reads and answers in Spanish; asking records no alert.
/// </summary>
[Collection(ExpansionCollection.Name)]
public sealed class ExpansionListTests(ExpansionDatabase data)
{
    private static readonly Dictionary<string, string?> Plans = new() { ["Alerts:Expansion:Plans:Pro:MonthlyEvents"] = "1500" };

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Accounts_ready_to_expand_are_the_expansion_findings_with_score_reasons_and_a_deal_button(DbProvider provider)
    {
        var answer = await data.AskAsync(provider, "which accounts are ready to expand?", settings: Plans);

        Assert.Equal(("list", true, "score"), (answer.Intent, answer.Understood, answer.Unit));
        Assert.Equal(["exp-everything", "exp-healthy", "exp-never", "exp-old"], answer.Items!.Select(i => i.Id));
        Assert.Equal([100m, 50m, 50m, 50m], answer.Items!.Select(i => i.Value));
        Assert.Equal(12_000m, answer.Items![0].Arr);
        Assert.StartsWith("4 accounts ready to expand as of ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("1. Everything Grows, ARR ", answer.Text, StringComparison.Ordinal);
        Assert.Contains(", expansion score 100/100: usage up 55% in 30 days", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["Account", "Owner", "ARR", "Score", "Why"], answer.Reply.Table!.Columns);
        Assert.Equal(["Everything Grows", "Bob Brown", "100/100"], [answer.Reply.Table.Rows[0][0], answer.Reply.Table.Rows[0][1], answer.Reply.Table.Rows[0][3]]);
        Assert.Equal([(ExpansionActionIds.Create, "Expansion deal: Everything Grows", "exp-everything")], answer.Reply.Actions.Take(1).Select(a => (a.Id, a.Label, a.Value)));
        Assert.Equal(4, answer.Reply.Actions.Count);
        Assert.Equal(0, await data.UseAsync(provider, db => System.Threading.Tasks.Task.FromResult(db.Set<Alert>().Count())));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task My_accounts_keep_the_askers_and_spanish_answers_in_spanish(DbProvider provider)
    {
        var bob = await data.AskAsync(provider, "my accounts ready to expand", Bob, Plans);
        var alice = await data.AskAsync(provider, "mis cuentas listas para crecer", Alice, Plans);

        Assert.Equal(["exp-everything"], bob.Items!.Select(i => i.Id));
        Assert.Contains("(yours)", bob.Text, StringComparison.Ordinal);
        Assert.Equal(["exp-healthy", "exp-never", "exp-old"], alice.Items!.Select(i => i.Id));
        Assert.Equal("es", alice.Language);
        Assert.StartsWith("3 cuentas listas para crecer (tuyas) a ", alice.Text, StringComparison.Ordinal);
        Assert.Contains("puntuación de expansión 50/100", alice.Text, StringComparison.Ordinal);
    }
}
