using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// What channel filters and the messages need about the given subjects, by (kind, subject id): one query for the deals,
/// one for the accounts, whatever their number.
/// </summary>
internal static class AlertSubjectFactsQuery
{
    public static async Task<Dictionary<(AlertKind, string), AlertSubjectFacts>> ForAsync(
        RevBotDb db, IReadOnlyCollection<AlertSubject> subjects, DateTime now, DateOnly today, string currency, CancellationToken ct)
    {
        var dealIds = subjects.Where(s => s.Kind == AlertKind.StalledDeal).Select(s => s.SubjectId).Distinct().ToList();
        // Churn risk and expansion are both about accounts: the same facts, keyed by each kind asked for.
        var accountKinds = subjects.Where(s => s.Kind != AlertKind.StalledDeal).GroupBy(s => s.SubjectId).ToDictionary(g => g.Key, g => g.Select(s => s.Kind).Distinct().ToList());
        var accountIds = accountKinds.Keys.ToList();
        var facts = new Dictionary<(AlertKind, string), AlertSubjectFacts>();
        if (dealIds.Count > 0)
        {
            var deals = await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id))
                .Select(d => new
                {
                    d.Id, d.Amount, d.Currency, d.Stage, d.CloseDate, d.CreatedAt,
                    Region = d.Account != null && d.Account.Region != null ? d.Account.Region : d.Owner != null ? d.Owner.Region : null,
                    Segment = d.Account != null ? d.Account.Segment : null,
                    OwnerEmail = d.Owner != null ? d.Owner.Email : null, OwnerName = d.Owner != null ? d.Owner.Name : null, Team = d.Owner != null ? d.Owner.Team : null,
                    Entered = db.DealStageHistory.Where(h => h.DealId == d.Id && h.Stage == d.Stage).Max(h => (DateTime?)h.EnteredAt),
                    Touched = db.Activities.Where(a => a.DealId == d.Id && a.OccurredAt <= now).Max(a => (DateTime?)a.OccurredAt),
                })
                .ToListAsync(ct);
            foreach (var d in deals)
            {
                // Stalled for: since the deal last moved, a stage entry or an activity (its creation when it has neither).
                DateTime? moved = new[] { d.Entered, d.Touched }.Max() ?? d.CreatedAt;
                int? days = moved is { } m ? Math.Max(0, (int)(now - m).TotalDays) : null;
                facts[(AlertKind.StalledDeal, d.Id)] = new AlertSubjectFacts(d.Id, d.Amount, d.Region, d.Segment, d.OwnerEmail, d.Team)
                {
                    Details = new AlertSubjectDetails(d.Amount, d.Currency, d.OwnerName, d.Stage, d.CloseDate, days),
                };
            }
        }
        if (accountIds.Count > 0)
        {
            var accounts = await db.Accounts.AsNoTracking().Where(x => accountIds.Contains(x.Id))
                .Select(x => new
                {
                    x.Id, x.Region, x.Segment, Owner = x.Owner != null ? x.Owner.Email : null, OwnerName = x.Owner != null ? x.Owner.Name : null,
                    Team = x.Owner != null ? x.Owner.Team : null,
                    Mrr = db.Subscriptions.Where(s => s.AccountId == x.Id && s.StartDate <= today && (s.EndDate == null || s.EndDate > today)).Sum(s => (double)s.Mrr),
                    Ends = db.Subscriptions.Where(s => s.AccountId == x.Id && s.EndDate != null && s.EndDate > today).Min(s => s.EndDate),
                    Renewal = db.Deals.Where(r => r.AccountId == x.Id && r.Status == DealStatus.Open && r.Type == DealType.Renewal).Min(r => r.CloseDate),
                })
                .ToListAsync(ct);
            foreach (var a in accounts)
            {
                var arr = (decimal)(a.Mrr * 12);
                // The next renewal: an open renewal deal's close date (overdue ones too), else the first subscription to end.
                var renews = a.Renewal ?? a.Ends;
                foreach (var kind in accountKinds[a.Id])
                    facts[(kind, a.Id)] = new AlertSubjectFacts(a.Id, arr, a.Region, a.Segment, a.Owner, a.Team)
                    {
                        Details = new AlertSubjectDetails(Math.Round(arr, 2), currency, a.OwnerName, RenewalDate: renews),
                    };
            }
        }
        return facts;
    }
}
