using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Teams;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.Protocol.Cards;
using RevBot.Tests.Interactions;

namespace RevBot.Tests.Teams;

/// <summary>Every Teams card verb has one handler: a Core feature's route, the adapter's own verb, or none (a 400).</summary>
public sealed class TeamsCardVerbsTests
{
    private static TeamsCardVerb Verb(string verb) => new(verb, (_, _, _, _) => Task.FromResult(InvokeResponse.NotImplemented));

    [Fact]
    public void Core_routes_the_adapters_own_verbs_and_unknown_verbs_each_have_their_place()
    {
        var verbs = new TeamsCardVerbs([Verb("ask")], CardActionRoutesTests.Registered);

        Assert.True(verbs.IsCores("handoff.claim"));
        Assert.Null(verbs.Find("handoff.claim"));
        Assert.False(verbs.IsCores("ask"));
        Assert.Equal("ask", verbs.Find("ask")?.Verb);
        Assert.False(verbs.IsCores("launch-rockets"));
        Assert.Null(verbs.Find("launch-rockets"));
        Assert.Null(verbs.Find(null));
    }

    [Theory]
    [InlineData("ask", "ask")]
    [InlineData("ask", "data.merge")]
    public void A_verb_with_two_handlers_stops_the_table_from_being_built(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TeamsCardVerbs([Verb(first), Verb(second)], CardActionRoutesTests.Registered));
        Assert.Contains($"\"{second}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_registers_ask()
    {
        using var services = new ServiceCollection().AddLogging().AddTeams(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Equal("ask", services.GetRequiredService<TeamsCardVerbs>().Find("ask")?.Verb);
    }
}
