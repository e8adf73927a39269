using RevBot.Core.Answers;
using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Button labels for deals to choose from (the deal search's pick list, the stalled deals' buttons): short, and distinct,
/// so two deals of one account can be told apart: "Acme — Renewal · $120K · closes Dec 12, 2026". Where two would
/// still read the same, the owner is added, then the deal id.
/// </summary>
internal static class DealPickLabels
{
    /// <summary>The name's share of the label: with the amount and date it stays near 60 characters (Slack allows 75).</summary>
    public const int MaxName = 32;

    /// <param name="Money">The amount as the list shows it ("$120K").</param>
    public sealed record Deal(string Id, string Name, string Money, DateOnly? CloseDate, bool Closed, string? Owner);

    public static IReadOnlyList<string> For(IReadOnlyList<Deal> deals, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(f);
        var labels = deals.Select(d => Label(d, f)).ToList();
        labels = WhereEqual(labels, deals, d => d.Owner);
        return WhereEqual(labels, deals, d => d.Id);
    }

    private static string Label(Deal d, AnswerFormatter f)
    {
        var name = d.Name.Length <= MaxName ? d.Name : d.Name[..(MaxName - 1)].TrimEnd() + "…";
        return d.CloseDate is { } day
            ? Texts.Get(f.Language, d.Closed ? nameof(Catalog.DealPickLabelClosed) : nameof(Catalog.DealPickLabelOpen), name, d.Money, f.Date(day, true))
            : Texts.Get(f.Language, nameof(Catalog.DealPickLabelNoDate), name, d.Money);
    }

    /// <summary>Adds <paramref name="extra"/> to each label another label equals.</summary>
    private static List<string> WhereEqual(List<string> labels, IReadOnlyList<Deal> deals, Func<Deal, string?> extra) =>
        [.. labels.Select((l, i) => labels.Count(o => o == l) > 1 && extra(deals[i]) is { Length: > 0 } e ? $"{l} · {e}" : l)];
}
