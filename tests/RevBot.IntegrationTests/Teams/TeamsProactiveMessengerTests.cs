using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Teams.App.Proactive;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.IntegrationTests.Teams;

/// <summary>Proactive sends to a reference stored by a real installationUpdate, against the fake connector.</summary>
public sealed class TeamsProactiveMessengerTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ChatConversationReference> InstallAsync()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var install = host.Activity("installationUpdate", conversation);
        install["action"] = "add";
        using var response = await host.PostAsync(install);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.SentToAsync(conversation, s => s.Count > 0); // the welcome card
        return await host.WithDbAsync(db => db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == conversation, Ct));
    }

    private Task<ConnectorResult<ResourceResponse>> SendAsync(ChatConversationReference reference) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<TeamsProactiveMessenger>()
            .SendToReferenceAsync(reference, new Reply { Title = "Deal stalled", Text = "Acme has not moved in 30 days." }, Ct));

    [Fact]
    public async Task A_reply_is_posted_as_a_card_to_the_stored_conversation()
    {
        var reference = await InstallAsync();

        var result = await SendAsync(reference);

        Assert.True(result.Succeeded, result.Error?.Message);
        var sent = await host.SentToAsync(reference.ConversationId, s => s.Count >= 2);
        Assert.Contains("Deal stalled", sent[^1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, ConnectorErrorKind.NotFound)]
    [InlineData(403, ConnectorErrorKind.Forbidden)]
    public async Task A_conversation_that_is_gone_or_closed_marks_the_reference_inactive(int status, ConnectorErrorKind kind)
    {
        var reference = await InstallAsync();
        host.Connector.Script(status);

        var result = await SendAsync(reference);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.False(await host.WithDbAsync(db => db.ConversationReferences.AsNoTracking()
            .Where(r => r.Id == reference.Id).Select(r => r.Active).SingleAsync(Ct)));
        var stored = await host.WithDbAsync(db => db.ConversationReferences.AsNoTracking().SingleAsync(r => r.Id == reference.Id, Ct));
        var before = host.Connector.Requests.Count;
        Assert.False((await SendAsync(stored)).Succeeded);
        Assert.Equal(before, host.Connector.Requests.Count);
    }
}
