using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Handoffs.Feeds;

/// <summary>
/// Feeds "Hand-offs not yet claimed": open hand-offs (no one pressed "Claim"), the longest-waiting first, in the
/// digest's slice (region, segment, team of the won deal). One query. Scoped.
/// </summary>
public sealed class HandoffDigestFeed(RevBotDb db, Microsoft.Extensions.Options.IOptions<Company.CompanyOptions> company) : IDigestFeed
{
    public string Section => DigestSectionIds.OpenHandoffs;

    public async Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = from h in db.Handoffs.AsNoTracking()
                   where h.ClaimedByUserId == null
                   join d in db.Deals.AsNoTracking() on h.DealId equals d.Id
                   select new { h, d };
        if (request.Filters.TryGetValue(Dimension.Region, out var region)) open = open.Where(x => (x.d.Account!.Region ?? x.d.Owner!.Region) == region);
        if (request.Filters.TryGetValue(Dimension.Segment, out var segment)) open = open.Where(x => x.d.Account!.Segment == segment);
        if (request.Filters.TryGetValue(Dimension.Team, out var team)) open = open.Where(x => x.d.Owner!.Team == team);
        var rows = await open.OrderBy(x => x.h.CreatedAt).ThenBy(x => x.h.Id).Take(request.Limit)
            .Select(x => new { x.h.DealId, x.h.Kind, x.h.CreatedAt, x.d.Name, Account = x.d.Account!.Name, x.d.Amount })
            .ToListAsync(ct);
        var format = new AnswerFormatter(request.Language, company.Value.Currency);
        return [.. rows.Select(r => new DigestItem(
            Texts.Get(request.Language, nameof(Catalog.DigestFeedHandoffLine), r.Account ?? r.Name ?? r.DealId, format.Money(r.Amount), format.Date(DateOnly.FromDateTime(r.CreatedAt), request.AsOf)),
            r.Amount, r.DealId) { Detail = r.Kind })];
    }
}
