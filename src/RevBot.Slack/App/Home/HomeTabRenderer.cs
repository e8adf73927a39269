using System.Globalization;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Home;

/// <summary>
/// The App Home tab of a mapped user: their pipeline and deals closing this month (Core's answers, rendered like any
/// reply), then "Your at-risk accounts" and "Your alert and digest settings" with their buttons. The last two take a
/// fixed, small number of blocks (lists are cut to a few lines and "and N more"), and the two answers share what is
/// left of the view's 100 blocks, so the tab never goes past Slack's limit.
/// </summary>
public static class HomeTabRenderer
{
    /// <summary>At-risk accounts listed before "and N more".</summary>
    public const int AtRiskShown = 5;

    public static HomeView Render(HomeTabContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<Block> head = content.Notice is { Length: > 0 } notice ? [Section($"*{Mrkdwn.Escape(notice.ReplaceLineEndings(" "))}*")] : [];
        var tail = new List<Block>();
        if (content.AtRisk is { } atRisk) tail.AddRange([new DividerBlock(), .. AtRisk(atRisk)]);
        if (content.Settings is { } settings) tail.AddRange([new DividerBlock(), .. Settings(settings)]);
        var room = BlockKitLimits.ViewBlocks - head.Count - tail.Count - 1;
        var pipeline = ReplyRenderer.RenderBlocks(content.Pipeline.Reply, new ReplyRenderOptions { Language = content.Pipeline.Language }, room / 2);
        var closing = ReplyRenderer.RenderBlocks(content.Closing.Reply, new ReplyRenderOptions { Language = content.Closing.Language }, room - pipeline.Count);
        List<Block> blocks = [.. head, .. pipeline, new DividerBlock(), .. closing, .. tail];
        return new HomeView([.. blocks.Take(BlockKitLimits.ViewBlocks)]);
    }

    private static IEnumerable<Block> AtRisk(AtRiskAccounts atRisk)
    {
        yield return new HeaderBlock(new PlainText("Your at-risk accounts"));
        if (atRisk.Total == 0)
        {
            yield return Section("None of your accounts is at risk of churning right now.");
            yield break;
        }
        foreach (var account in atRisk.Shown.Take(AtRiskShown))
        {
            var note = account.Note is { } n ? $"\n_{Mrkdwn.Escape(n)}_" : "";
            yield return new SectionBlock(Text($"*{Mrkdwn.Escape(account.Name)}* · risk {account.Score}/100\n{Mrkdwn.Escape(account.Why)}{note}"))
            {
                Accessory = account.Action is { } action ? Button(action) : null,
            };
        }
        var more = atRisk.Total - Math.Min(atRisk.Shown.Count, AtRiskShown);
        var context = "Accounts you own with an open or snoozed churn-risk alert, highest score first, as of the last alert scan.";
        if (more > 0) context = $"And {Count(more)} more. " + context;
        yield return new ContextBlock([Text(context)]);
    }

    private static IEnumerable<Block> Settings(AlertSettings settings)
    {
        yield return new HeaderBlock(new PlainText("Your alert and digest settings"));
        foreach (var dm in settings.DirectMessages)
            yield return new SectionBlock(Text($"*{Mrkdwn.Escape(dm.Label)}:* {(dm.Muted ? "muted" : "on")}")) { Accessory = Button(dm.Toggle) };
        yield return Section($"*Quiet hours:* {Mrkdwn.Escape(settings.QuietHours)}");
        yield return Section(Lines("Channel alerts you set up", settings.ChannelAlerts, settings.ChannelAlertsTotal));
        yield return Section(Lines("Digests you scheduled", settings.Digests, settings.DigestsTotal));
        yield return new ContextBlock([Text(
            "The buttons change only your own direct messages; channels keep their alerts. Say `mute stalled alerts` or `unmute` to me any time. " +
            "Channel alerts and digests are changed in their channel: `/revbot unsubscribe`, `/revbot stop the sales digest here`.")]);
    }

    /// <summary>"*Digests you scheduled:* none", or one line per channel setting and "…and 2 more".</summary>
    private static string Lines(string label, IReadOnlyList<ChannelSetting> shown, int total)
    {
        if (total == 0) return $"*{label}:* none";
        var lines = shown.Select(s => $"• {Channel(s)}: {Mrkdwn.Escape(s.Description)}").ToList();
        if (total > shown.Count) lines.Add($"…and {Count(total - shown.Count)} more");
        return $"*{label}:*\n{string.Join('\n', lines)}";
    }

    /// <summary>A Slack channel as Slack shows it (a mention by id, never a stored name); another platform's in words.</summary>
    private static string Channel(ChannelSetting s) => s.Platform == ChatPlatform.Slack && IsChannelId(s.ChannelId) ? $"<#{s.ChannelId}>" : $"a {(s.Platform == ChatPlatform.Teams ? "Teams" : EnumText.Format(s.Platform))} channel";

    private static bool IsChannelId(string id) => id.Length is > 1 and < 40 && id.All(char.IsAsciiLetterOrDigit);

    private static ButtonElement Button(ReplyAction action) => ReplyRenderer.Button(action, action.Id);

    private static SectionBlock Section(string mrkdwn) => new(Text(mrkdwn));

    private static MrkdwnText Text(string mrkdwn) => new(Mrkdwn.Fit(mrkdwn, BlockKitLimits.SectionText));

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
