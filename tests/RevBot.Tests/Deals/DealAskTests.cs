using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Deal searches and data health asked in chat, through AskService like any question.</summary>
public sealed class DealAskTests
{
    [Fact]
    public async Task Several_hits_give_a_short_pick_list_whose_buttons_open_each_card()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var answer = await AskAsync(s, "deal acme renewal", DealWorld.Rob);

        Assert.Equal(("deal", ReplyKind.List), (answer.Intent, answer.Reply.Kind));
        Assert.Equal([DealWorld.AcmeRenewal, DealWorld.AcmeLost], answer.Items!.Select(i => i.Id));
        Assert.Equal([DealActionIds.Open, DealActionIds.Open], answer.Reply.Actions.Select(a => a.Id));
        Assert.Equal(DealWorld.AcmeRenewal, answer.Reply.Actions[0].Value);
        Assert.Equal("2 deals match \"acme renewal\". Which one?", answer.Text);
        Assert.Equal("Acme Corporation - renewal 2026 ★", answer.Reply.Table!.Rows[0][0]);
        // Two deals of one account: each button says its amount and close date too, so they can be told apart.
        Assert.All(answer.Reply.Actions, a => Assert.Matches(@"^Acme Corporation - .+ · \$[\d.,]+K? · close[sd] [A-Z][a-z]{2} \d{1,2}, \d{4}$", a.Label));
        Assert.Equal(2, answer.Reply.Actions.Select(a => a.Label).Distinct().Count());
    }

    [Fact]
    public async Task One_hit_gives_the_deal_card()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var answer = await AskAsync(s, "find deal globex", DealWorld.Rob);

        Assert.Equal((ReplyKind.Card, "Globex Industries - new"), (answer.Reply.Kind, answer.Reply.Title));
        Assert.Equal(["deal.update", "deal.log"], answer.Reply.Actions.Select(a => a.Id));
    }

    [Fact]
    public async Task A_spanish_search_with_accents_finds_the_deal()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var answer = await AskAsync(s, "busca el negocio de cafe martinez", null);
        Assert.Equal(("es", DealWorld.Cafe), (answer.Language, answer.Items!.Single().Id));
        Assert.Equal(ReplyKind.Card, answer.Reply.Kind);
    }

    [Fact]
    public async Task No_hit_says_what_to_try()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var en = await AskAsync(s, "deal zeppelin", DealWorld.Rob);
        var es = await AskAsync(s, "negocio zepelín", DealWorld.Rob);

        Assert.Equal("I couldn't find a deal matching \"zeppelin\". Try the account's name, fewer words, or the deal's id.", en.Text);
        Assert.StartsWith("No encuentro ningún negocio", es.Text, StringComparison.Ordinal);
        Assert.Empty(en.Items!);
    }

    [Fact]
    public async Task Data_health_lists_counts_and_merge_buttons()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var answer = await AskAsync(s, "data health", DealWorld.Rita);

        Assert.Equal(("data_health", ReplyKind.List), (answer.Intent, answer.Reply.Kind));
        Assert.Equal("1", answer.Reply.Facts.Single(f => f.Label == "Open deals without an owner").Value);
        Assert.Equal(["contact|con-1|con-2", "contact|con-3|con-4", "account|acc-1|acc-4"], answer.Reply.Actions.Select(a => a.Value));
        Assert.Equal("same e-mail; same name, same account", answer.Reply.Table!.Rows[0][2]);
        Assert.Contains("Open deals with a close date in the past: Café Martínez - Route Planner (deal-4)", answer.Reply.Context);
        Assert.StartsWith("Worth a look — contacts with the same e-mail: 1;", answer.Text, StringComparison.Ordinal);
    }

    private static Task<Answer> AskAsync(DealServices s, string question, string? email) =>
        s.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(question, email), TestContext.Current.CancellationToken));
}
