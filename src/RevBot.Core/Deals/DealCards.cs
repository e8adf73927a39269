using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>Builds a deal's card: the deal with its account and owner, days in stage, last activity and the last three changes.</summary>
public sealed class DealCards(RevBotDb db, CompanyClock clock, IOptions<CompanyOptions> company)
{
    /// <summary>
    /// The card in <paramref name="language"/> (the reader's), or null for an unknown deal. <paramref name="notice"/>
    /// goes on top ("Updated by … just now").
    /// </summary>
    public async Task<Reply?> CardAsync(string dealId, string? notice, string language, CancellationToken ct)
    {
        var data = await LoadAsync(dealId, ct);
        return data is null ? null : DealCardComposer.Compose(data, company.Value, clock, notice, language);
    }

    /// <summary>
    /// The fresh card for someone whose version was out of date: what changed since, and that nothing was saved.
    /// </summary>
    public async Task<Reply?> StaleCardAsync(string dealId, IReadOnlyList<DealChange> changedSince, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changedSince);
        var data = await LoadAsync(dealId, ct);
        if (data is null) return null;
        var what = changedSince.Count == 0
            ? Texts.Get(language, nameof(Catalog.DealStaleVersion), data.Deal.Version)
            : string.Join("; ", changedSince.Select(c => DealText.Describe(c, data.Deal.Currency, clock.UtcNow, language)));
        var notice = Texts.Get(language, nameof(Catalog.DealStaleNotice), what);
        return DealCardComposer.Compose(data, company.Value, clock, notice, language);
    }

    private async Task<DealCardData?> LoadAsync(string dealId, CancellationToken ct)
    {
        var row = await db.Deals.AsNoTracking().Where(d => d.Id == dealId)
            .Select(d => new { Deal = d, Account = d.Account!.Name, Owner = d.Owner!.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var stageSince = await db.DealStageHistory.AsNoTracking().Where(h => h.DealId == dealId)
            .OrderByDescending(h => h.EnteredAt).Select(h => new { h.Stage, h.EnteredAt }).FirstOrDefaultAsync(ct);
        var lastActivity = await db.Activities.AsNoTracking().Where(a => a.DealId == dealId)
            .OrderByDescending(a => a.OccurredAt).FirstOrDefaultAsync(ct);
        var changes = await DealHistory.LatestAsync(db, dealId, 3, ct);
        // The latest history row dates the current stage; without one (or if it disagrees) the deal's creation does.
        var entered = stageSince is { } s && s.Stage == row.Deal.Stage ? s.EnteredAt : row.Deal.CreatedAt;
        return new DealCardData(row.Deal, row.Account, row.Owner, entered, lastActivity, changes);
    }
}
