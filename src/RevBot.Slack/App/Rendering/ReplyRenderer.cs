using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// Renders Core's <see cref="Reply"/> as Block Kit: header (title), the headline number (<see cref="HeadlineBlocks"/>),
/// section (the lead, else the text), fields (facts), a table as a list of sections or fields (<see cref="ListText"/>,
/// or a text chart), one section per row (its buttons as a "…" menu), one section per titled list (<see cref="SectionText"/>, in the Teams card's order), context
/// (period, definition) and buttons, plus the escaped plain-text fallback. Everything is
/// fitted to Slack's limits, summarising ("… and 14 more") rather than failing.
/// </summary>
public static class ReplyRenderer
{
    private const int MaxTextSections = 3;

    public static SlackMessage Render(Reply reply, ReplyRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new SlackMessage(FallbackText(reply), RenderBlocks(reply, options ?? ReplyRenderOptions.Default, BlockKitLimits.MessageBlocks));
    }

    /// <summary>The reply as an App Home tab.</summary>
    public static HomeView RenderHome(Reply reply, ReplyRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new HomeView(RenderBlocks(reply, options ?? ReplyRenderOptions.Default, BlockKitLimits.ViewBlocks));
    }

    public static string FallbackText(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = ReplyText.TitleAndText(reply.Title, reply.Text);
        return Mrkdwn.Fit(Mrkdwn.Escape(text), BlockKitLimits.FallbackText);
    }

    public static IReadOnlyList<Block> RenderBlocks(Reply reply, ReplyRenderOptions options, int maxBlocks)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(options);
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
            blocks.Add(new HeaderBlock(new PlainText(Mrkdwn.Fit(reply.Title.ReplaceLineEndings(" "), BlockKitLimits.HeaderText))));
        if (!string.IsNullOrWhiteSpace(reply.Notice))
            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.Fit("*" + Mrkdwn.Escape(reply.Notice.ReplaceLineEndings(" ")) + "*", BlockKitLimits.SectionText))));
        if (reply.Headline is { } headline) blocks.AddRange(HeadlineBlocks.Render(headline));
        // The lead (total and scope) rather than the full text naming every row the table shows; the fallback text keeps it all.
        var shown = reply.Lead ?? reply.Text;
        if (!string.IsNullOrWhiteSpace(shown))
            blocks.AddRange(Mrkdwn.Chunks(Mrkdwn.Escape(shown), BlockKitLimits.SectionText, MaxTextSections).Select(t => new SectionBlock(new MrkdwnText(t))));
        if (reply.Facts.Count > 0) blocks.Add(new SectionBlock { Fields = Fields(reply.Facts, options) });
        if (reply.Table is { Columns.Count: > 0 } table) blocks.AddRange(ListText.Render(table, options.AndMoreFormat));
        else if (reply.Chart is { Points.Count: > 0 } chart) blocks.Add(new SectionBlock(new MrkdwnText(ChartText.Render(chart, options.AndMoreFormat, options.Language))));
        var tail = new List<Block>();
        // The headline shows the period and filters line already.
        var context = reply.Context.Where(c => c != reply.Headline?.Scope).ToList();
        if (context.Any(l => !string.IsNullOrWhiteSpace(l))) tail.Add(new ContextBlock(ContextElements(context)));
        if (Buttons(reply.Actions, options) is { Count: > 0 } buttons) tail.Add(new ActionsBlock(buttons));
        blocks.AddRange(reply.Rows.Take(Math.Max(0, maxBlocks - blocks.Count - tail.Count)).Select(RowBlock));
        blocks.AddRange(Sections(reply.Sections, options, maxBlocks - blocks.Count - tail.Count));
        blocks.AddRange(tail);
        return Cap(blocks, maxBlocks);
    }

    /// <summary>A block per section in the room left; sections past it become one "… and N more" line.</summary>
    private static IEnumerable<Block> Sections(IReadOnlyList<ReplySection> sections, ReplyRenderOptions options, int room)
    {
        if (sections.Count <= room) return sections.Select(s => SectionText.Render(s, options.AndMoreFormat));
        if (room <= 0) return [];
        var more = string.Format(System.Globalization.CultureInfo.InvariantCulture, options.AndMoreFormat, sections.Count - (room - 1));
        return [.. sections.Take(room - 1).Select(s => SectionText.Render(s, options.AndMoreFormat)), new SectionBlock(new MrkdwnText("_" + more + "_"))];
    }

    /// <summary>A row: its text, with its one button beside it, or its buttons as a "…" menu (Slack's overflow, 2 to 5 options).</summary>
    private static SectionBlock RowBlock(ReplyRow row)
    {
        var actions = row.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Id) && !string.IsNullOrWhiteSpace(a.Label)
            && SlackActionIds.MenuOption(a.Id, a.Value).Length <= OverflowElement.OptionValue).Take(OverflowElement.MaxOptions).ToList();
        BlockElement? accessory = actions.Count switch
        {
            0 => null,
            < OverflowElement.MinOptions => Button(actions[0], actions[0].Id),
            _ => new OverflowElement(SlackActionIds.Menu, [.. actions.Select(a =>
                new SelectOption(new PlainText(Mrkdwn.Fit(a.Label, BlockKitLimits.ButtonText)), SlackActionIds.MenuOption(a.Id, a.Value)))]),
        };
        return new SectionBlock(new MrkdwnText(Mrkdwn.Fit(Mrkdwn.Escape(row.Text), BlockKitLimits.SectionText))) { Accessory = accessory };
    }

    private static List<TextObject> Fields(IReadOnlyList<ReplyFact> facts, ReplyRenderOptions options)
    {
        static TextObject Field(ReplyFact f) => new MrkdwnText(Mrkdwn.Fit($"*{Mrkdwn.Escape(f.Label)}*\n{Mrkdwn.Escape(f.Value)}", BlockKitLimits.FieldText));
        if (facts.Count <= BlockKitLimits.SectionFields) return [.. facts.Select(Field)];
        var shown = BlockKitLimits.SectionFields - 1;
        return [.. facts.Take(shown).Select(Field), new MrkdwnText("_" + string.Format(System.Globalization.CultureInfo.InvariantCulture, options.AndMoreFormat, facts.Count - shown) + "_")];
    }

    /// <summary>One element per line; lines past the tenth share the last element.</summary>
    private static List<TextObject> ContextElements(IReadOnlyList<string> lines)
    {
        var escaped = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Mrkdwn.Escape).ToList();
        var first = escaped.Take(BlockKitLimits.ContextElements - 1).ToList();
        var rest = escaped.Skip(BlockKitLimits.ContextElements - 1).ToList();
        if (rest.Count > 0) first.Add(string.Join(" · ", rest));
        return [.. first.Select(t => new MrkdwnText(Mrkdwn.Fit(t, BlockKitLimits.FieldText)))];
    }

    private static List<BlockElement> Buttons(IReadOnlyList<ReplyAction> actions, ReplyRenderOptions options)
    {
        var all = actions.Where(a => !string.IsNullOrWhiteSpace(a.Id) && !string.IsNullOrWhiteSpace(a.Label)).ToList();
        if (options.ShareValue is { } share) all.Add(SlackMessages.ShareAction(share, options.Language));
        all = [.. all.Take(BlockKitLimits.ActionsElements)];
        var ids = SlackActionIds.Compose([.. all.Select(a => a.Id)]);
        return [.. all.Select((a, i) => (BlockElement)Button(a, ids[i]))];
    }

    /// <summary>A reply action as a button, within Slack's label and value limits.</summary>
    internal static ButtonElement Button(ReplyAction action, string actionId) => new(new PlainText(Mrkdwn.Fit(action.Label, BlockKitLimits.ButtonText)), actionId)
    {
        Value = action.Value is { Length: > 0 } v ? Mrkdwn.Fit(v, BlockKitLimits.ButtonValue) : null,
        Style = Style(action.Style),
        Confirm = action.Confirm is { } c ? Confirm(c, action.Style) : null,
    };

    /// <summary>A reply's confirmation as Slack's dialog; Slack's own Cancel closes it, so <see cref="ReplyConfirm.Back"/> is not needed.</summary>
    private static ConfirmDialog Confirm(ReplyConfirm c, ReplyActionStyle style) => new(
        new PlainText(Mrkdwn.Fit(c.Title, BlockKitLimits.ConfirmTitle)), new PlainText(Mrkdwn.Fit(c.Text, BlockKitLimits.ConfirmText)),
        new PlainText(Mrkdwn.Fit(c.ConfirmLabel, BlockKitLimits.ConfirmButton)), new PlainText(Mrkdwn.Fit(c.DenyLabel, BlockKitLimits.ConfirmButton)))
    {
        Style = Style(style),
    };

    private static ButtonStyle? Style(ReplyActionStyle style) =>
        style switch { ReplyActionStyle.Primary => ButtonStyle.Primary, ReplyActionStyle.Danger => ButtonStyle.Danger, _ => null };

    /// <summary>Never more blocks than the surface allows; the reply's ending (context, buttons) is what gives way.</summary>
    private static List<Block> Cap(List<Block> blocks, int max) => blocks.Count <= max ? blocks : blocks.Take(max).ToList();
}
