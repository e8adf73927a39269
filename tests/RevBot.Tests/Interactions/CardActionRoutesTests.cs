using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;
using RevBot.Tests.Deals;

namespace RevBot.Tests.Interactions;

/// <summary>Card buttons and forms reach the one feature that registered their id, and only that one.</summary>
public sealed class CardActionRoutesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The routes Core's features register, as a host gets them.</summary>
    internal static CardActionRoutes Registered { get; } = new ServiceCollection()
        .AddRevBotCore(new ConfigurationBuilder().Build()).BuildServiceProvider().GetRequiredService<CardActionRoutes>();

    private static CardActionRoute Prefix(string prefix) => CardActionRoute.Prefix(prefix, (_, _, _, _) => Task.FromResult(CardActionRoute.UnknownButton));

    private static CardActionRoute Id(string id) => CardActionRoute.Id(id, (_, _, _, _) => Task.FromResult(CardActionRoute.UnknownButton));

    public static TheoryData<string, bool, string, bool> Overlapping => new()
    {
        { "deal.", false, "deal.", false },
        { "deal.", false, "deal.win", false },
        { "alert.mute", false, "alert.", false },
        { "alert.", false, "alert.mute", true },
        { "handoff.claim", true, "handoff.", false },
        { "handoff.claim", true, "handoff.claim", true },
    };

    [Theory]
    [MemberData(nameof(Overlapping))]
    public void Two_routes_that_could_answer_one_id_stop_the_table_from_being_built(string a, bool aExact, string b, bool bExact)
    {
        CardActionRoute Route(string key, bool exact) => exact ? Id(key) : Prefix(key);

        var ex = Assert.Throws<InvalidOperationException>(() => new CardActionRoutes([Route(a, aExact), Route(b, bExact)]));
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_that_share_no_id_are_accepted_and_each_answers_only_its_own()
    {
        var routes = new CardActionRoutes([Prefix("deal."), Prefix("data."), Id("handoff.claim"), Id("handoff.claims")]);

        Assert.Equal("deal.", routes.Find("deal.win")?.Key);
        Assert.Equal("handoff.claim", routes.Find("handoff.claim")?.Key);
        Assert.Equal("handoff.claims", routes.Find("handoff.claims")?.Key);
        Assert.Null(routes.Find("handoff.claimed"));
        Assert.Null(routes.Find("dealwin"));
        Assert.Null(routes.Find(null));
    }

    [Theory]
    [InlineData(DealActionIds.Win, "deal.")]
    [InlineData(DealActionIds.Open, "deal.")]
    [InlineData("data.merge", "data.")]
    [InlineData("handoff.claim", "handoff.claim")]
    [InlineData(AlertActionIds.Snooze, AlertActionIds.Prefix)]
    [InlineData(AlertActionIds.Mute, AlertActionIds.Prefix)]
    public void Each_feature_registers_its_buttons(string actionId, string key) =>
        Assert.Equal(key, Registered.Find(actionId)?.Key);

    [Theory]
    [InlineData("ask")]
    [InlineData("share")]
    [InlineData("handoff.other")]
    [InlineData("open_deal")]
    public void The_adapters_own_buttons_and_unknown_ids_are_not_cores(string actionId) => Assert.False(Registered.Handles(actionId));

    [Fact]
    public async Task A_button_or_form_no_feature_claims_gets_not_understood_and_changes_nothing()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await s.UserIdAsync(DealWorld.Rob);
        var state = new ReplyFormState(DealWorld.AcmeRenewal, 1, "k1").Encode();

        var press = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress("nobody.press", state, rob, null, ChangeChannel.Slack), Ct));
        var form = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission("nobody.form", state, new Dictionary<string, string?>(), rob, null, ChangeChannel.Slack), Ct));
        // A form id under a feature's prefix that is not one of its forms: the alert route must not read it as a dismissal.
        var alertForm = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(new FormSubmission(AlertActionIds.Snooze, state, new Dictionary<string, string?>(), rob, null, ChangeChannel.Slack), Ct));

        Assert.Equal((ReplyKind.Refused, "Not understood", "RevBot doesn't know that button."), (press.Kind, press.Title, press.Text));
        Assert.Equal((ReplyKind.Refused, "Not understood", "RevBot doesn't know that form."), (form.Kind, form.Title, form.Text));
        Assert.Equal((ReplyKind.Refused, "Not understood", "RevBot doesn't know that form."), (alertForm.Kind, alertForm.Title, alertForm.Text));
        var card = await DealCardTests.CardAsync(s, DealWorld.AcmeRenewal);
        Assert.Equal("deal-1 · version 1", card.Context[^1]);
    }
}
