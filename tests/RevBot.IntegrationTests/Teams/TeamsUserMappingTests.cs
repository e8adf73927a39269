using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// "My" questions in Teams: whose numbers they are. The Teams user is found by Users.TeamsUserId (Entra object id, else the
/// "29:" id), else by the email Teams' roster gives for them (then remembered); anyone else is told RevBot does not know them.
/// </summary>
public sealed class TeamsUserMappingTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private const string Question = "what's my pipeline?";
    private const string Unknown = "I don't know who you are in RevBot";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_my_question_from_a_teams_user_stored_on_a_revbot_user_gets_that_users_numbers(bool storedAsEntraId)
    {
        var (teamsId, aadId) = NewTeamsUser();
        var rep = await RepWithOpenDealsAsync(storedAsEntraId ? 0 : 1);
        await SetTeamsUserIdAsync(rep.Id, storedAsEntraId ? aadId : teamsId);

        var (conversation, card) = await AskInTeamsAsync(teamsId, aadId, Question);

        Assert.DoesNotContain(Unknown, CardJson.AllText(card), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(await ExpectedCardAsync(rep.Email), card), card.ToJsonString());
        Assert.False(JsonNode.DeepEquals(await ExpectedCardAsync(null), card));
        Assert.DoesNotContain(host.Connector.Requests, r => r.Path.Contains($"{conversation}/members/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unmapped_teams_user_is_told_revbot_does_not_know_who_they_are()
    {
        var (teamsId, aadId) = NewTeamsUser();
        host.Connector.Members[teamsId] = Member(teamsId, aadId, "someone.else@elsewhere.example");

        var (conversation, card) = await AskInTeamsAsync(teamsId, aadId, Question);

        Assert.Contains(Unknown, CardJson.AllText(card), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(await ExpectedCardAsync(null), card), card.ToJsonString());
        Assert.Single(host.Connector.Requests, r => r.Method == "GET" && r.Path.EndsWith($"/v3/conversations/{conversation}/members/{teamsId}", StringComparison.Ordinal));
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.TeamsUserId == aadId || u.TeamsUserId == teamsId, Ct)));
    }

    [Fact]
    public async Task A_teams_user_not_in_the_roster_is_told_revbot_does_not_know_who_they_are()
    {
        var (teamsId, aadId) = NewTeamsUser();

        var (_, card) = await AskInTeamsAsync(teamsId, aadId, Question);

        Assert.Contains(Unknown, CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmapped_teams_user_is_found_by_their_roster_email_and_remembered()
    {
        var (teamsId, aadId) = NewTeamsUser();
        var rep = await RepWithOpenDealsAsync(2);
        Assert.Null(rep.TeamsUserId);
        // Teams' roster spells the address its own way; RevBot matches it case-insensitively.
        host.Connector.Members[teamsId] = Member(teamsId, aadId, rep.Email.ToUpperInvariant());

        var (conversation, card) = await AskInTeamsAsync(teamsId, aadId, Question);

        Assert.True(JsonNode.DeepEquals(await ExpectedCardAsync(rep.Email), card), card.ToJsonString());
        Assert.Equal(aadId, await host.WithDbAsync(db => db.Users.Where(u => u.Id == rep.Id).Select(u => u.TeamsUserId).SingleAsync(Ct)));

        // Remembered: the next question is answered for the same user without asking the roster again.
        var (_, again) = await AskInTeamsAsync(teamsId, aadId, Question, conversation);
        Assert.True(JsonNode.DeepEquals(card, again));
        Assert.Single(host.Connector.Requests, r => r.Method == "GET" && r.Path.Contains($"{conversation}/members/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_channel_the_teams_roster_is_asked()
    {
        var (teamsId, aadId) = NewTeamsUser();
        var team = $"19:{Guid.NewGuid():N}@thread.tacv2";
        var rep = await RepWithOpenDealsAsync(0);
        host.Connector.Members[teamsId] = Member(teamsId, aadId, rep.Email);
        var thread = $"{team};messageid=1700000000000";
        var channelData = new JsonObject { ["team"] = new JsonObject { ["id"] = team }, ["channel"] = new JsonObject { ["id"] = team } };

        var (_, card) = await AskInTeamsAsync(teamsId, aadId, Question, thread, "channel", channelData);

        Assert.True(JsonNode.DeepEquals(await ExpectedCardAsync(rep.Email), card), card.ToJsonString());
        Assert.Single(host.Connector.Requests, r => r.Method == "GET" && r.Path == $"/amer/v3/conversations/{team}/members/{teamsId}");
    }

    private static (string TeamsId, string AadId) NewTeamsUser()
    {
        var suffix = Guid.NewGuid().ToString("N");
        return ($"29:{suffix}", suffix);
    }

    private static Dictionary<string, string> Member(string teamsId, string aadId, string email) => new()
    {
        ["id"] = teamsId, ["aadObjectId"] = aadId, ["name"] = "Teams User", ["email"] = email, ["userPrincipalName"] = email,
        ["tenantId"] = TestTokens.TenantId, ["userRole"] = "user",
    };

    /// <summary>The n-th rep (by id) who owns open deals, so "my pipeline" is a number rather than nothing.</summary>
    private Task<User> RepWithOpenDealsAsync(int n) => host.WithDbAsync(db =>
        db.Users.AsNoTracking()
            .Where(u => u.TeamsUserId == null && db.Deals.Any(d => d.OwnerId == u.Id && d.Status == DealStatus.Open))
            .OrderBy(u => u.Id).Skip(n).FirstAsync(Ct));

    private Task<int> SetTeamsUserIdAsync(int userId, string teamsUserId) => host.WithDbAsync(db =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, teamsUserId), Ct));

    /// <summary>The card RevBot renders for the question asked as <paramref name="email"/> (null: as nobody).</summary>
    private async Task<JsonNode> ExpectedCardAsync(string? email)
    {
        var answer = await host.WithScopeAsync(sp => sp.GetRequiredService<AskService>().AskAsync(new AskRequest(Question, email), Ct));
        return JsonNode.Parse(ReplyCardRenderer.Render(answer.Reply).ToJson())!;
    }

    /// <summary>Posts the question as a 1:1 message from the Teams user and returns the answer card the bot replied with.</summary>
    private async Task<(string Conversation, JsonNode Card)> AskInTeamsAsync(
        string teamsId, string aadId, string question, string? conversation = null, string conversationType = "personal", JsonObject? channelData = null)
    {
        conversation ??= $"a:{Guid.NewGuid():N}";
        var activity = host.Activity("message", conversation, question, conversationType);
        activity["from"] = new JsonObject { ["id"] = teamsId, ["name"] = "Teams User", ["aadObjectId"] = aadId };
        if (channelData is not null) activity["channelData"] = channelData;
        var id = (string)activity["id"]!;
        using (var response = await host.PostAsync(activity)) response.EnsureSuccessStatusCode();

        var replyPath = $"/amer/v3/conversations/{conversation}/activities/{id}";
        var sent = await host.SentToAsync(conversation, s => s.Any(r => r.Path == replyPath));
        var reply = Assert.Single(sent, r => r.Path == replyPath);
        return (conversation, JsonNode.Parse(reply.Body)!["attachments"]![0]!["content"]!);
    }
}
