using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.DataHealth;
using RevBot.Core.Deals;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// A question's whole way through Core: read the conversation context, parse, merge a follow-up, fill the defaults,
/// evaluate in the database, write the answer, remember the context. No platform types: Slack, Teams, the CLI and the
/// HTTP API all come through here.
/// </summary>
public sealed class AskService(
    RevBotDb db,
    QuestionReads reads,
    ConversationStore conversations,
    DealFinder deals,
    DealCards cards,
    DataHealthQueries health,
    IEnumerable<IChatCommand> commands,
    FindingLists findings,
    ScorecardAnswers scorecards,
    VocabularyCache vocabulary,
    DataFactsCache dataFacts,
    CompanyClock clock,
    IOptions<CompanyOptions> company,
    IServiceScopeFactory scopes,
    ILogger<AskService> log)
{
    private const int DefaultListLimit = 10;

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = company.Value;
        var asOf = request.AsOf ?? clock.Today;
        // Chat commands (digest schedules, alert subscriptions and mutes) act on the turn's channel before any question
        // is read; each feature registers its own (IChatCommand), tried in registration order.
        foreach (var command in commands)
            if (await command.TryAnswerAsync(request, ct) is { } commandAnswer) return Counted(commandAnswer);
        var words = await vocabulary.GetAsync(db, request.Question, ct);
        var parsed = QuestionParser.Parse(request.Question, new ParseContext(asOf, options.FiscalYearStartMonth, request.UserEmail, words));
        if (parsed.Intent == Intent.DealSearch) return Counted(await FindDealAsync(parsed, request.UserEmail, ct));
        if (parsed.Intent == Intent.DataHealth) return Counted(DataHealthAnswers.Compose(parsed, await health.RunAsync(asOf, 10, parsed.Language, ct)));
        var previous = request.ConversationKey is { } key ? await conversations.LoadAsync(key, ct) : null;

        // A word RevBot could not place is named back, never dropped (QuestionReader.Words.cs).
        if (parsed.Intent == Intent.Unknown && parsed.Unplaced.Count > 0) return Counted(GuidanceComposer.Refuse(parsed, words));
        if (parsed.Intent == Intent.Clarify && parsed.Unplaced.Count > 0) return Counted(GuidanceComposer.Clarify(parsed, words));
        var question = FollowUpMerger.Merge(parsed, previous);
        if (question is null)
            return Counted(GuidanceComposer.NotUnderstood(parsed, Texts.Get(parsed.Language, nameof(Catalog.AskFollowUpUnclear)), nameof(Catalog.AnswerNotUnderstoodTitle)));
        if (question.Filters.TryGetValue(Dimension.Owner, out var owner) && owner == ParsedQuestionKeys.Me)
            return Counted(GuidanceComposer.NotUnderstood(question, Texts.Get(question.Language, nameof(Catalog.AskWhoAreYou)), nameof(Catalog.AskWhoAreYouTitle)));

        if (question.Filters.TryGetValue(Dimension.Team, out var team) && team == ParsedQuestionKeys.MyTeam)
        {
            var mine = await MyTeam.ResolveAsync(db, request.UserEmail, question, ct);
            if (mine is null)
                return Counted(GuidanceComposer.NotUnderstood(question, Texts.Get(question.Language, nameof(Catalog.AskWhichTeam)), nameof(Catalog.AskWhichTeamTitle)));
            question = mine;
        }

        // "what about bookings?" after a scorecard asks for that one metric.
        if (question.Intent == Intent.Scorecard && question.Metric is not null)
            question = question with { Intent = Intent.Metric };

        // The engine measures "now" (open deals, ARR today, bookings so far) at the question's as-of day.
        var engineClock = request.AsOf is { } day ? CompanyClock.At(day, clock.Zone) : clock;
        var engine = new MetricEngine(reads.Db, company, engineClock);
        var resolver = new PeriodResolver(asOf, new FiscalCalendar(options.FiscalYearStartMonth), question.Language);
        var answer = question.Intent == Intent.List && question.ListSubject is ListSubject.StalledDeals or ListSubject.ChurnRisk or ListSubject.Expansion
            ? await findings.AnswerAsync(question, asOf, request.UserEmail, question.Limit ?? DefaultListLimit, options.Currency, ct)
            : question.Intent == Intent.Scorecard
            ? await scorecards.AnswerAsync(question, engine, resolver, engineClock, request.UserEmail, options.Currency, ct)
            : await AnswerAsync(question, engine, engineClock, resolver, options.Currency, words, ct);
        // An answer that says which data is missing has nothing to draw, and keeps saying so.
        if ((question.Chart || request.Chart) && answer.MissingData is null) answer = AnswerCharts.Draw(answer, question, options.Currency, asked: question.Chart);
        if (request.ConversationKey is { } k && answer.Understood && question.Intent is Intent.Metric or Intent.List or Intent.Scorecard)
            await conversations.SaveAsync(k, question, ct);
        return Counted(MatchText.Append(answer, question));
    }

    private async Task<Answer> FindDealAsync(ParsedQuestion q, string? userEmail, CancellationToken ct)
    {
        var userId = userEmail is null ? null : await db.Users.Where(u => u.Email == userEmail).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var found = await deals.FindAsync(q.DealSearch ?? "", userId, DealSearchAnswers.PickListSize, ct);
        if (found.Hits.Count == 0) return DealSearchAnswers.NotFound(q, found.TooVague);
        if (found.Total > 1 && !found.Exact) return DealSearchAnswers.PickList(q, found);
        var hit = found.Hits[0];
        return await cards.CardAsync(hit.Id, null, q.Language, ct) is { } card ? DealSearchAnswers.Card(q, hit, card) : DealSearchAnswers.NotFound(q, false);
    }

    private Answer Counted(Answer answer)
    {
        log.LogInformation("Question answered: intent {Intent}, metric {Metric}, understood {Understood}.", answer.Intent, answer.Metric, answer.Understood);
        Telemetry.RevBotMetrics.QuestionAnswered(answer.Understood);
        return answer;
    }

    private async Task<Answer> AnswerAsync(ParsedQuestion q, MetricEngine engine, CompanyClock engineClock, PeriodResolver resolver, string currency,
        QuestionVocabulary words, CancellationToken ct)
    {
        // Filters are stated in the answer by name ("Darcel Schlecht"), not by the email or id the query holds: from
        // the names the question was read with, the database only for a name they do not hold.
        var names = q.Filters.Count == 0 ? null : await FilterNames.LoadAsync(db, q.Filters, words, ct);
        switch (q.Intent)
        {
            case Intent.Help: return GuidanceComposer.Help(q.Language);
            case Intent.Clarify when q.Candidates.Count > 0: return GuidanceComposer.Clarify(q);
            case Intent.Definition when q.Metric is not null: return GuidanceComposer.Definition(q);
            case Intent.List when q.ListSubject == ListSubject.Deals:
                if ((await dataFacts.GetAsync(db, ct)).Missing(null, [[MetricSource.Deals]]) is { } noDeals) return MissingDataText.Compose(q, noDeals, q.Period, currency);
                var dealQuery = new DealListQuery(q.DealListKind ?? DealListKind.Open, q.Period, q.Filters, q.Limit ?? DefaultListLimit, q.Ascending) { Conditions = q.Conditions };
                return ListAnswerComposer.Deals(q, dealQuery, await engine.ListDealsAsync(dealQuery, ct), currency, names, resolver.AsOf);
            // "by region" after a bridge list ranks the regions by the leg's ARR, below.
            case Intent.List when q.ListSubject == ListSubject.BridgeAccounts && q.GroupBy is null && ArrMovements.TryFromMetric(q.Metric, out var movement):
                return await BridgeAccountsAsync(q, movement, engine, resolver, currency, names, ct);
            case Intent.Metric or Intent.List when q.Metric is not null:
                break;
            default:
                return GuidanceComposer.NotUnderstood(q);
        }

        var def = MetricCatalog.Get(q.Metric);
        if (q.Conditions.Amount is { } amount && !MetricSupport.TakesAmount(def.Id))
            return GuidanceComposer.NotUnderstood(q, AmountRefusal(def, amount, new AnswerFormatter(q.Language, currency)));
        var period = q.Period ?? DefaultPeriods.For(def, resolver);
        var display = period == Period.AllTime ? DefaultPeriods.OpenPipelineDisplay(resolver) : null;
        // Say which data is missing rather than answer 0 from tables that were never loaded; the same facts say
        // where the data starts, so a comparison before it is not run.
        var facts = await dataFacts.GetAsync(db, ct);
        if (facts.Missing(def.Id, MetricSources.For(def.Id)) is { } missing)
            return MissingDataText.Compose(q, missing, display ?? period, currency);
        var firstDay = facts.FirstDay(engineClock.Zone);
        try
        {
            if (q.Intent == Intent.List)
            {
                // "Top 10 accounts by bookings" needs ten groups: ranked in the database where the metric allows (largest first only).
                var limit = q.Limit ?? DefaultListLimit;
                var grouped = await engine.EvaluateAsync(new MetricQuery(def.Id, period, q.Filters, q.GroupBy ?? Dimension.Owner) { Conditions = q.Conditions, Top = q.Ascending ? null : limit }, ct);
                return ListAnswerComposer.Groups(q, grouped, limit, q.Ascending, currency, display, names);
            }
            if (q.TrendPeriods is > 1 and <= 36 && q.GroupBy is null && period.HasStart && period.HasEnd)
            {
                var points = TrendAnswerComposer.Points(period, q.TrendGrain ?? period.Grain, q.TrendPeriods.Value, resolver);
                return TrendAnswerComposer.Compose(q, period, await engine.TrendAsync(def.Id, points, q.Filters, q.Conditions, ct), currency, names);
            }
            var (measured, comparePeriod) = DefaultPeriods.Comparison(q, def, period, resolver);
            // "Loss reasons by region": one GROUP BY of both; no comparison is shown, so one asked for is refused, not dropped.
            if (q.ThenBy == Dimension.LossReason && q.GroupBy is { } within && (def.Id == MetricIds.DealsLost || def.Id == MetricIds.LostAmount))
            {
                if (q.Comparison is not null || q.ComparisonPeriod is not null)
                    return GuidanceComposer.NotUnderstood(q, Texts.Get(q.Language, nameof(Catalog.AskLossReasonGroupsNoComparison)));
                var cells = await engine.LossReasonsWithinAsync(measured, q.Filters, q.Conditions, within, ct);
                return LossReasonGroupsComposer.Compose(q, measured, within, cells, q.Filters, q.Conditions, currency, names);
            }
            // "Why did we lose?": one lost_amount statement by loss reason carries both the deals and the money.
            if (q.GroupBy == Dimension.LossReason && def.Basis == MetricBasis.LostDeals)
            {
                var lostComparison = comparePeriod is null
                    ? Task.FromResult<(MetricResult?, NoEarlierData?)>((null, null))
                    : CompareOnOwnConnectionAsync(new MetricQuery(MetricIds.LostAmount, comparePeriod, q.Filters) { Conditions = q.Conditions }, engineClock, firstDay, ct);
                var lost = await engine.EvaluateAsync(new MetricQuery(MetricIds.LostAmount, measured, q.Filters, Dimension.LossReason) { Conditions = q.Conditions }, ct);
                var (lostBefore, lostNoEarlier) = await lostComparison;
                return LossReasonComposer.Compose(q, lost, lostBefore, currency, names, lostNoEarlier);
            }
            // The comparison runs at the same time on its own connection: the answer waits for the slower query, not both.
            var comparisonTask = comparePeriod is null
                ? Task.FromResult<(MetricResult?, NoEarlierData?)>((null, null))
                : CompareOnOwnConnectionAsync(new MetricQuery(def.Id, comparePeriod, q.Filters) { Conditions = q.Conditions }, engineClock, firstDay, ct);
            // The answer shows at most a table's rows of a breakdown: the engine names and sends only those (and how many in all).
            var result = await engine.EvaluateAsync(new MetricQuery(def.Id, measured, q.Filters, q.GroupBy) { Conditions = q.Conditions, Top = MetricAnswerComposer.MaxTableRows }, ct);
            var (comparison, noEarlierData) = await comparisonTask;
            return MetricAnswerComposer.Compose(q, result, comparison, currency, display, names, noEarlierData);
        }
        catch (MetricNotSupportedException ex)
        {
            log.LogDebug(ex, "Metric not supported for this question.");
            return GuidanceComposer.NotUnderstood(q, ex.Text(q.Language));
        }
    }

    /// <summary>"customers who churned last quarter": the accounts behind one leg of the ARR bridge.</summary>
    private async Task<Answer> BridgeAccountsAsync(ParsedQuestion q, ArrMovement movement, MetricEngine engine, PeriodResolver resolver, string currency,
        IReadOnlyDictionary<Dimension, string>? names, CancellationToken ct)
    {
        // A period in progress is listed so far, as the leg's metric measures it ("2026 to date").
        var period = PeriodMath.SoFar(q.Period ?? DefaultPeriods.For(MetricCatalog.Get(q.Metric!), resolver), resolver.AsOf, resolver.Fiscal, q.Language);
        if ((await dataFacts.GetAsync(db, ct)).Missing(q.Metric, MetricSources.For(q.Metric!)) is { } missing)
            return MissingDataText.Compose(q, missing, period, currency);
        // Several values and exclusions narrow the accounts as they do the leg's metric; a deal amount does not apply to subscriptions, and says so.
        if (q.Conditions.Amount is { } amount)
            return GuidanceComposer.NotUnderstood(q, AmountRefusal(MetricCatalog.Get(q.Metric!), amount, new AnswerFormatter(q.Language, currency)));
        try
        {
            var limit = q.Limit ?? DefaultListLimit;
            var found = await engine.ArrBridgeAccountsAsync(period, q.Filters, q.Conditions, movement, limit, ct);
            return BridgeListText.Compose(q, period, found, limit, currency, names);
        }
        catch (MetricNotSupportedException ex)
        {
            log.LogDebug(ex, "Bridge list not supported for this question.");
            return GuidanceComposer.NotUnderstood(q, ex.Text(q.Language));
        }
    }

    /// <summary>The comparison, unless its period starts before the company's first data: then there is nothing to compare with.</summary>
    private async Task<(MetricResult?, NoEarlierData?)> CompareOnOwnConnectionAsync(MetricQuery query, CompanyClock engineClock, DateOnly? first, CancellationToken ct)
    {
        if (first is not { } day || query.Period.Start < day) return (null, new NoEarlierData(query.Period, first));
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<QuestionReads>().Db;
        return (await new MetricEngine(own, company, engineClock).EvaluateAsync(query, ct), null);
    }

    /// <summary>"ARR over $50K": the condition is named, never dropped.</summary>
    private static string AmountRefusal(MetricDefinition def, AmountRange amount, AnswerFormatter f)
    {
        var condition = ScopeText.Amount(amount, f);
        return f.Text(nameof(Catalog.AnswerAmountRefusal), def.Name(f.Language), condition);
    }
}
