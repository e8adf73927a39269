using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// Answers "how are we doing (this quarter)?": the asker's audience's headline metrics (<see cref="DigestHeadlines"/>,
/// by their role; the company's when the role is unknown) over the question's period, each compared like for like
/// as any answer is (<see cref="DefaultPeriods.Comparison"/>, that is <see cref="PeriodMath.LikeForLike"/>). A
/// metric the question's filters do not apply to is left out and named. Scoped.
/// </summary>
public sealed class ScorecardAnswers(RevBotDb db, DataFactsCache dataFacts)
{
    public async Task<Answer> AnswerAsync(ParsedQuestion q, MetricEngine engine, PeriodResolver resolver, CompanyClock engineClock, string? userEmail, string currency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(resolver);
        // A scorecard is several metrics side by side: a breakdown or a trend (say from a follow-up) would be dropped.
        if (q.GroupBy is not null || q.TrendPeriods is not null)
            return GuidanceComposer.NotUnderstood(q, Texts.Get(q.Language, nameof(Catalog.ScorecardNoBreakdown)));
        // A deal amount narrows deal metrics only, and a scorecard mixes them with ARR and quotas: named, with the question that takes it.
        if (q.Conditions.Amount is { } amount)
        {
            var f = new AnswerFormatter(q.Language, currency);
            var condition = ScopeText.Amount(amount, f);
            return GuidanceComposer.NotUnderstood(q, Texts.Get(f.Language, nameof(Catalog.ScorecardNoAmount), condition, ScopeText.AmountCondition(amount, f)));
        }
        var role = userEmail is null ? null : await db.Users.AsNoTracking().Where(u => u.Email == userEmail).Select(u => (Domain.UserRole?)u.Role).FirstOrDefaultAsync(ct);
        var kind = DigestHeadlines.ForRole(role);
        var period = q.Period ?? resolver.Offset(PeriodGrain.Quarter, 0);
        // The first day of data from the facts every question reads (one cached statement), not a query of its own.
        var firstDay = (await dataFacts.GetAsync(db, ct)).FirstDay(engineClock.Zone);
        var lines = new List<ScorecardLine>();
        var skipped = new List<(string Metric, Dimension Dimension)>();
        var pastPipeline = false;
        foreach (var metric in DigestHeadlines.Metrics(kind))
        {
            // Open deals have no history: a period that has ended has no pipeline to show.
            if (DefaultPeriods.IsOpenPipeline(metric) && period.End < resolver.AsOf)
            {
                pastPipeline = true;
                continue;
            }
            // Several values and exclusions apply as a filter would; forecast snapshots take neither.
            var unsupported = q.Filters.Keys.Where(d => !MetricSupport.Supports(metric, d, breakdown: false))
                .Concat(q.Conditions.Sets.Keys.Where(d => !MetricSupport.SupportsSet(MetricCatalog.Get(metric), d))).ToList();
            if (unsupported.Count > 0)
            {
                skipped.Add((metric, unsupported[0]));
                continue;
            }
            var def = MetricCatalog.Get(metric);
            var (measured, compared) = DefaultPeriods.Comparison(q, def, period, resolver);
            var value = await engine.EvaluateAsync(new MetricQuery(metric, measured, q.Filters) { Conditions = q.Conditions }, ct);
            // As in every answer: nothing to compare before the data starts, rather than "up from 0".
            var before = compared is null || firstDay is not { } first || compared.Start < first
                ? null
                : await engine.EvaluateAsync(new MetricQuery(metric, compared, q.Filters) { Conditions = q.Conditions }, ct);
            lines.Add(new ScorecardLine(def, value, before, compared is not null && before is null ? compared : null));
        }
        var names = q.Filters.Count == 0 ? null : await FilterNames.LoadAsync(db, q.Filters, ct);
        return ScorecardComposer.Compose(q, kind, period, lines, skipped, currency, names, firstDay, pastPipeline);
    }
}

/// <summary>One headline of a scorecard: its value, its comparison, or the period it could not be compared with.</summary>
public sealed record ScorecardLine(MetricDefinition Metric, MetricResult Value, MetricResult? Comparison, Period? NoEarlierData);
