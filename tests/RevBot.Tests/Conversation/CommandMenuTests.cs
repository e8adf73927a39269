using System.Text.Json;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The Teams command menu (manifests/teams/manifest.json) and Slack's slash-command hint offer only what is answered
/// where they are offered: in a personal chat (no channel) every command is a question answered on the demo company;
/// in a team or group chat the channel commands (subscribe, digest) are carried out, and the questions answered.
/// </summary>
public sealed class CommandMenuTests(DemoCompanyFixture demo)
{
    private static readonly ChannelTarget Channel = new(ChatPlatform.Teams, "19:menu-test@thread.tacv2");

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Each_scope_of_the_teams_command_menu_offers_only_what_is_answered_there(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var services = SuggestionWalk.Services(database);
        // Channel commands write a subscription: they are carried out on an empty database of their own, not the shared demo.
        await using var empty = await TestDatabase.CreateAsync(provider);
        await using var commandServices = SuggestionWalk.Services(empty);
        var rep = await SuggestionWalk.BusiestRepAsync(database);
        var failures = new List<string>();

        foreach (var (scopes, title) in TeamsCommands())
        {
            var personal = scopes.Contains("personal");
            Assert.False(personal && scopes.Length > 1, "personal chats get a command list of their own");
            if (!personal && IsChannelCommand(title))
                failures.AddRange(SuggestionWalk.Problems($"{title} (in a channel)", await SuggestionWalk.AskAsync(commandServices, title, rep, Channel)));
            else
                failures.AddRange(SuggestionWalk.Problems($"{title} ({string.Join('/', scopes)})", await SuggestionWalk.AskAsync(services, title, rep, personal ? null : Channel)));
            // A channel command is refused in a personal chat, so the personal menu must not offer one.
            if (personal) Assert.False(IsChannelCommand(title), $"\"{title}\" is offered in personal chats, where it only works in a channel");
        }
        foreach (var hint in SlackUsageHints())
            failures.AddRange(SuggestionWalk.Problems($"/revbot {hint}", await SuggestionWalk.AskAsync(services, hint, rep)));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_channel_command_is_refused_outside_a_channel(DbProvider provider)
    {
        await using var empty = await TestDatabase.CreateAsync(provider);
        await using var services = SuggestionWalk.Services(empty);
        var channelCommands = TeamsCommands().Where(c => IsChannelCommand(c.Title)).ToList();

        Assert.NotEmpty(channelCommands);
        foreach (var (_, title) in channelCommands)
            Assert.NotEmpty(SuggestionWalk.Problems(title, await SuggestionWalk.AskAsync(services, title, null)));
    }

    private static bool IsChannelCommand(string title) =>
        title.StartsWith("subscribe", StringComparison.Ordinal) || title.StartsWith("unsubscribe", StringComparison.Ordinal) || title.StartsWith("digest", StringComparison.Ordinal);

    private static List<(string[] Scopes, string Title)> TeamsCommands()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepoPaths.File("manifests", "teams", "manifest.json")));
        return [.. manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().SelectMany(list =>
            list.GetProperty("commands").EnumerateArray().Select(c => (
                list.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray(),
                c.GetProperty("title").GetString()!)))];
    }

    private static List<string> SlackUsageHints() =>
    [
        .. new[] { "manifest.yml", "manifest.socket-mode.yml" }
            .SelectMany(f => File.ReadAllLines(RepoPaths.File("manifests", "slack", f)))
            .Select(l => l.Trim()).Where(l => l.StartsWith("usage_hint:", StringComparison.Ordinal))
            .Select(l => l["usage_hint:".Length..].Trim()).Distinct(StringComparer.Ordinal),
    ];
}
