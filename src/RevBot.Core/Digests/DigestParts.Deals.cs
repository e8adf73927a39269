using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

internal sealed partial class DigestParts
{
    /// <summary>Last week's biggest deals won or lost; lost ones with their loss reason.</summary>
    public async Task<DigestSection> TopDealsAsync(DealListKind kind)
    {
        var deals = await data.DealsAsync(new DealListQuery(kind, periods.Week, Filters, TopN));
        var reasons = kind == DealListKind.Lost ? await data.LossReasonsAsync([.. deals.Select(d => d.Id)]) : null;
        var question = DigestQuestions.Deals(kind, TopN, DigestScope.Week, Filters, Language);
        var items = deals.Select(d =>
        {
            var reason = reasons?.GetValueOrDefault(d.Id);
            var text = DealLine(d.Name, d.AccountName, d.Amount, d.OwnerName);
            if (reasons is not null) text = Texts.Get(Language, nameof(Catalog.DigestLostLine), text, reason ?? Texts.Get(Language, nameof(Catalog.DigestNoReasonGiven)));
            return new DigestItem(text, d.Amount, d.Id, question) { Detail = reason };
        }).ToList();
        var won = kind == DealListKind.Won;
        return new DigestSection(won ? DigestSectionIds.TopWon : DigestSectionIds.TopLost,
            Texts.Get(Language, won ? nameof(Catalog.DigestTopWonTitle) : nameof(Catalog.DigestTopLostTitle)),
            items,
            Texts.Get(Language, won ? nameof(Catalog.DigestTopWonEmpty) : nameof(Catalog.DigestTopLostEmpty)));
    }

    /// <summary>Open deals that moved to a later stage last week, biggest first.</summary>
    public async Task<DigestSection> StageAdvancesAsync()
    {
        var moves = (await data.StageAdvancesAsync(periods.Week)).Where(m => m.Matches(Filters));
        return MoveSection(DigestSectionIds.StageAdvances, Texts.Get(Language, nameof(Catalog.DigestStageAdvancesTitle)), moves,
            m => $"{m.From} → {m.To}", Texts.Get(Language, nameof(Catalog.DigestStageAdvancesEmpty)));
    }

    /// <summary>Open deals whose close date was pushed into a later quarter last week, biggest first.</summary>
    public async Task<DigestSection> PushedOutAsync()
    {
        var moves = (await data.PushedOutAsync(periods.Week, fiscal)).Where(m => m.Matches(Filters));
        return MoveSection(DigestSectionIds.PushedOut, Texts.Get(Language, nameof(Catalog.DigestPushedOutTitle)), moves,
            m => Texts.Get(Language, nameof(Catalog.DigestPushedOutChange), m.From, m.To),
            Texts.Get(Language, nameof(Catalog.DigestPushedOutEmpty)));
    }

    /// <summary>Open renewal deals expected to close in the next 90 days: their total from the engine, then the biggest.</summary>
    public async Task<DigestSection> RenewalsDueAsync()
    {
        var filters = new Dictionary<Dimension, string>(Filters) { [Dimension.Type] = EnumText.Format(DealType.Renewal) };
        var deals = await data.DealsAsync(new DealListQuery(DealListKind.Open, periods.Next90Days, filters, TopN));
        var total = (await data.EvaluateAsync(MetricIds.Pipeline, periods.Next90Days, filters)).Total;
        var question = DigestQuestions.Upcoming(MetricIds.Pipeline, 90, filters, Language);
        var items = new List<DigestItem>();
        if (total.Numerator is > 0)
        {
            var count = total.Numerator ?? 0;
            items.Add(new DigestItem(Texts.Get(Language, count == 1 ? nameof(Catalog.DigestRenewalsTotalOne) : nameof(Catalog.DigestRenewalsTotalOther),
                Format.Money(total.Value ?? 0), Format.Count(count)), total.Value, null, question));
        }
        items.AddRange(deals.Select(d => new DigestItem(
            DealLine(d.Name, d.AccountName, d.Amount, d.OwnerName) + (d.CloseDate is { } c ? $" · {Format.Date(c, request.AsOf)}" : ""), d.Amount, d.Id,
            DigestQuestions.Deals(DealListKind.Open, TopN, null, filters, Language, 90))));
        return new DigestSection(DigestSectionIds.RenewalsDue, Texts.Get(Language, nameof(Catalog.DigestRenewalsTitle)), items,
            Texts.Get(Language, nameof(Catalog.DigestRenewalsEmpty)));
    }

    /// <summary>The section another part of RevBot feeds; shown as not available while nothing feeds it.</summary>
    public async Task<DigestSection> FeedAsync(string section)
    {
        var title = DigestFeedText.Title(section, Language);
        var feed = feeds.FirstOrDefault(f => f.Section == section);
        if (feed is null) return new DigestSection(section, title, [], DigestFeedText.NotConnected(section, Language)) { Available = false };
        var items = await feed.ReadAsync(FeedRequest(), data.Ct);
        return new DigestSection(section, title, [.. items.Take(TopN)], DigestFeedText.Empty(section, Language));
    }

    /// <summary>Lets the feeds of these sections start their slow shared work before the numbers are read.</summary>
    public void PrepareFeeds(IEnumerable<string> sections)
    {
        foreach (var feed in feeds.Where(f => sections.Contains(f.Section))) feed.Prepare(FeedRequest());
    }

    private DigestFeedRequest FeedRequest() => new(request.Kind, request.AsOf, Filters, request.Language, TopN);

    private DigestSection MoveSection(string id, string title, IEnumerable<StageMove> moves, Func<StageMove, string> change, string empty)
    {
        var items = moves.OrderByDescending(m => m.Amount).ThenBy(m => m.DealId, StringComparer.Ordinal).Take(TopN)
            .Select(m => new DigestItem($"{DealLine(m.DealName, m.AccountName, m.Amount, null)} · {change(m)}", m.Amount, m.DealId) { Detail = change(m) })
            .ToList();
        return new DigestSection(id, title, items, empty);
    }

    private string DealLine(string name, string? account, decimal amount, string? owner) =>
        $"{(account is null || name.Contains(account, StringComparison.OrdinalIgnoreCase) ? name : $"{account} — {name}")} · {Format.Money(amount)}{(owner is null ? "" : $" · {owner}")}";
}
