using Microsoft.Extensions.DependencyInjection;
using RevBot.Slack;
using RevBot.Slack.App.Interactions;
using RevBot.Tests.Interactions;

namespace RevBot.Tests.Slack;

/// <summary>Every Slack button id has one handler: a Core feature's route, the adapter's own button, or none (refused).</summary>
public sealed class SlackButtonsTests
{
    private static SlackButton Button(string id) => new(id, (_, _, _) => Task.CompletedTask);

    private static SlackActionDelivery Press(string id) => new("T1", "U1", "C1", id, "win rate", null, "1.1", null, false);

    [Fact]
    public void Core_routes_the_adapters_own_buttons_and_unknown_ids_each_have_their_place()
    {
        var buttons = new SlackButtons([Button("ask"), Button("share")], CardActionRoutesTests.Registered);

        Assert.True(buttons.IsCores(Press("deal.won")));
        Assert.Null(buttons.Find("deal.won"));
        Assert.False(buttons.IsCores(Press("ask")));
        Assert.Equal("share", buttons.Find("share")?.ActionId);
        Assert.False(buttons.IsCores(Press("launch-rockets")));
        Assert.Null(buttons.Find("launch-rockets"));
    }

    [Theory]
    [InlineData("ask", "ask")]
    [InlineData("share", "deal.open")]
    public void An_id_with_two_handlers_stops_the_table_from_being_built(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SlackButtons([Button(first), Button(second)], CardActionRoutesTests.Registered));
        Assert.Contains($"\"{second}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_registers_ask_and_share()
    {
        using var services = new ServiceCollection().AddLogging().AddSlack(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).BuildServiceProvider();
        var buttons = services.GetRequiredService<SlackButtons>();
        Assert.Equal("ask", buttons.Find("ask")?.ActionId);
        Assert.Equal("share", buttons.Find("share")?.ActionId);
    }
}
