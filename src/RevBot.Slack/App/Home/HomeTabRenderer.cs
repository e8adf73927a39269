using RevBot.Core.Alerts.Personal;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Home;

/// <summary>
/// The App Home tab of a mapped user: their pipeline and deals closing this month (Core's answers, rendered like any
/// reply), then "Your at-risk accounts" and "Your alert and digest settings" with their buttons. The last two take a
/// fixed, small number of blocks (lists are cut to a few lines and "and N more"), and the two answers share what is
/// left of the view's 100 blocks, so the tab never goes past Slack's limit. Its words are the catalog's <c>Home…</c> texts
/// in the person's language (<see cref="HomeTabContent.Language"/>).
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
        var language = content.Language;
        if (content.AtRisk is { } atRisk) tail.AddRange([new DividerBlock(), .. AtRisk(atRisk, language)]);
        if (content.Settings is { } settings) tail.AddRange([new DividerBlock(), .. Settings(settings, language)]);
        var room = BlockKitLimits.ViewBlocks - head.Count - tail.Count - 1;
        var pipeline = ReplyRenderer.RenderBlocks(content.Pipeline.Reply, new ReplyRenderOptions { Language = content.Pipeline.Language }, room / 2);
        var closing = ReplyRenderer.RenderBlocks(content.Closing.Reply, new ReplyRenderOptions { Language = content.Closing.Language }, room - pipeline.Count);
        List<Block> blocks = [.. head, .. pipeline, new DividerBlock(), .. closing, .. tail];
        return new HomeView([.. blocks.Take(BlockKitLimits.ViewBlocks)]);
    }

    private static IEnumerable<Block> AtRisk(AtRiskAccounts atRisk, string language)
    {
        yield return new HeaderBlock(new PlainText(Texts.Get(language, nameof(Catalog.HomeAtRiskHeader))));
        if (atRisk.Total == 0)
        {
            yield return Section(Texts.Get(language, nameof(Catalog.HomeAtRiskNone)));
            yield break;
        }
        foreach (var account in atRisk.Shown.Take(AtRiskShown))
        {
            var note = account.Note is { } n ? $"\n_{Mrkdwn.Escape(n)}_" : "";
            var score = Texts.Get(language, nameof(Catalog.HomeAtRiskScore), account.Score);
            yield return new SectionBlock(Text($"*{Mrkdwn.Escape(account.Name)}* · {score}\n{Mrkdwn.Escape(account.Why)}{note}"))
            {
                Accessory = account.Action is { } action ? Button(action) : null,
            };
        }
        var more = atRisk.Total - Math.Min(atRisk.Shown.Count, AtRiskShown);
        var context = Texts.Get(language, nameof(Catalog.HomeAtRiskContext));
        if (more > 0) context = Texts.Get(language, nameof(Catalog.HomeAtRiskMore), Count(more, language), context);
        yield return new ContextBlock([Text(context)]);
    }

    private static IEnumerable<Block> Settings(AlertSettings settings, string language)
    {
        yield return new HeaderBlock(new PlainText(Texts.Get(language, nameof(Catalog.HomeSettingsHeader))));
        foreach (var dm in settings.DirectMessages)
            yield return new SectionBlock(Text($"*{Mrkdwn.Escape(dm.Label)}:* {Texts.Get(language, dm.Muted ? nameof(Catalog.HomeDmMuted) : nameof(Catalog.HomeDmOn))}")) { Accessory = Button(dm.Toggle) };
        yield return Section($"*{Texts.Get(language, nameof(Catalog.HomeQuietHours))}:* {Mrkdwn.Escape(settings.QuietHours)}");
        yield return Section(Lines(nameof(Catalog.HomeChannelAlerts), settings.ChannelAlerts, settings.ChannelAlertsTotal, language));
        yield return Section(Lines(nameof(Catalog.HomeDigests), settings.Digests, settings.DigestsTotal, language));
        yield return new ContextBlock([Text(Texts.Get(language, nameof(Catalog.HomeSettingsContext)))]);
    }

    /// <summary>"*Digests you scheduled:* none", or one line per channel setting and "…and 2 more".</summary>
    private static string Lines(string labelKey, IReadOnlyList<ChannelSetting> shown, int total, string language)
    {
        var label = Texts.Get(language, labelKey);
        if (total == 0) return $"*{label}:* {Texts.Get(language, nameof(Catalog.HomeNone))}";
        var lines = shown.Select(s => $"• {Channel(s, language)}: {Mrkdwn.Escape(s.Description)}").ToList();
        if (total > shown.Count) lines.Add(Texts.Get(language, nameof(Catalog.HomeListMore), Count(total - shown.Count, language)));
        return $"*{label}:*\n{string.Join('\n', lines)}";
    }

    /// <summary>A Slack channel as Slack shows it (a mention by id, never a stored name); another platform's in words.</summary>
    private static string Channel(ChannelSetting s, string language) => s.Platform == ChatPlatform.Slack && IsChannelId(s.ChannelId)
        ? $"<#{s.ChannelId}>"
        : Texts.Get(language, nameof(Catalog.HomeOtherChannel), s.Platform == ChatPlatform.Teams ? "Teams" : EnumText.Format(s.Platform));

    private static bool IsChannelId(string id) => id.Length is > 1 and < 40 && id.All(char.IsAsciiLetterOrDigit);

    private static ButtonElement Button(ReplyAction action) => ReplyRenderer.Button(action, action.Id);

    private static SectionBlock Section(string mrkdwn) => new(Text(mrkdwn));

    private static MrkdwnText Text(string mrkdwn) => new(Mrkdwn.Fit(mrkdwn, BlockKitLimits.SectionText));

    private static string Count(int n, string language) => Formats.Number(n, language);
}
