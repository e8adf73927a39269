using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// The largest grouped alert message (the most rows a setting allows, long names, ids of an old database) still fits
/// both platforms with every listed row's buttons: Slack's 50 blocks and 150-character menu options, Teams' card budget.
/// </summary>
public sealed class AlertGroupSizeTests
{
    [Fact]
    public void The_largest_group_keeps_every_listed_rows_menu_on_slack_and_teams()
    {
        var settings = new AlertOptions { MaxPerMessage = 20 };
        var subjects = Enumerable.Range(0, 25).Select(i => new AlertSubject(AlertKind.StalledDeal, $"deal-{i:D8}-{new string('x', 40)}",
            $"Deal {i} {new string('n', 280)}", null, [2_000_000_000L + i], ["en Negotiation/Review desde hace 140 días (lo normal son 32,5)", "sin actividad desde hace 90 días"], ["rep@x.test"])
        {
            Details = new AlertSubjectDetails(1_250_000m, "USD", "Maude Kirlin-Halvorson", "Negotiation/Review", new DateOnly(2026, 11, 1), 140),
        }).ToList();

        var reply = AlertMessages.ForChannelScan(subjects, settings, "es");

        var listed = reply.Rows.Count(r => r.Actions.Count > 0);
        Assert.InRange(listed, 10, 20);
        Assert.Equal($"y {25 - listed} más", reply.Rows[^1].Text);
        var slack = ReplyRenderer.Render(reply);
        Assert.InRange(slack.Blocks.Count, 1, BlockKitLimits.MessageBlocks);
        var menus = slack.Blocks.OfType<SectionBlock>().Select(b => b.Accessory).OfType<OverflowElement>().ToList();
        Assert.Equal(listed, menus.Count);
        Assert.All(menus, m => Assert.Equal(4, m.Options.Count));
        Assert.All(menus.SelectMany(m => m.Options), o => Assert.InRange(o.Value.Length, 1, OverflowElement.OptionValue));
        var card = ReplyCardRenderer.Render(reply, language: "es");
        Assert.InRange(card.ByteSize(), 1, ReplyCardRenderer.CardBudgetBytes);
        Assert.Equal(listed, card.Body.OfType<Container>().Count(c => c.Items.OfType<ActionSet>().Any()));
    }
}
