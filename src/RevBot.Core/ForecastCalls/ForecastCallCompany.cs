using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// The company's call for a quarter, team by team: each team's latest call this quarter (the manager's team call when
/// one was submitted, else the sum of its reps' calls), against the model's number and the plan (the quarter's quotas).
/// Read once, written in each reader's language: the RevOps and finance roll-up, the digests' section and
/// "forecast call by team" all show these numbers.
/// </summary>
public sealed class ForecastCallCompany(RevBotDb db, ForecastCallReader reader, IOptions<CompanyOptions> options)
{
    public async Task<IReadOnlyList<ForecastCallTeam>> TeamsAsync(DateOnly periodStart, IReadOnlyCollection<string>? teams, CancellationToken ct)
    {
        var calls = await db.ForecastCalls.AsNoTracking().Where(c => c.PeriodStart == periodStart).ToListAsync(ct);
        var latest = calls.GroupBy(c => c.Team).Select(g => g.MaxBy(c => c.OpenedAt)!).Where(c => teams is null || teams.Contains(c.Team)).OrderBy(c => c.Team).ToList();
        // The submissions of every team's call and the reps per team in one read each, not one per team.
        var ids = latest.ConvertAll(c => c.Id);
        var submitted = (await db.ForecastSnapshots.AsNoTracking().Where(f => f.CallId != null && ids.Contains(f.CallId.Value))
            .Select(f => new { CallId = f.CallId!.Value, f.Kind, f.Amount }).ToListAsync(ct)).ToLookup(f => f.CallId);
        var names = latest.ConvertAll(c => c.Team);
        var repsByTeam = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.Rep && u.Team != null && names.Contains(u.Team))
            .GroupBy(u => u.Team!).Select(g => new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Team, g => g.Count, ct);
        var result = new List<ForecastCallTeam>();
        foreach (var call in latest)
        {
            var rows = submitted[call.Id].ToList();
            decimal Sum(string kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Amount);
            // The manager's team call, when submitted, stands for the team; else the sum of the reps' calls.
            var commit = rows.Any(r => r.Kind == ForecastCallKinds.TeamCommit) ? Sum(ForecastCallKinds.TeamCommit) : Sum(ForecastCallKinds.Commit);
            var best = rows.Any(r => r.Kind == ForecastCallKinds.TeamBestCase) ? Sum(ForecastCallKinds.TeamBestCase) : Sum(ForecastCallKinds.BestCase);
            var called = rows.Count(r => r.Kind == ForecastCallKinds.Commit);
            var model = await reader.ModelAsync(call, new Dictionary<Dimension, string> { [Dimension.Team] = call.Team }, ct);
            result.Add(new ForecastCallTeam(call, commit, best, model, called, repsByTeam.GetValueOrDefault(call.Team)));
        }
        return result;
    }

    /// <summary>The quarter's plan: the sum of the quotas set for it; null when none is.</summary>
    public async Task<decimal?> PlanAsync(DateOnly start, DateOnly end, CancellationToken ct) =>
        await db.Quotas.AsNoTracking().Where(q => q.PeriodStart == start && q.PeriodEnd == end).SumAsync(q => (decimal?)q.Amount, ct);

    /// <summary>The company roll-up after <paramref name="call"/>'s deadline, in any reader's language.</summary>
    public async Task<Func<string, Reply>> ComposeAsync(ForecastCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var teams = await TeamsAsync(call.PeriodStart, null, ct);
        var model = await reader.ModelAsync(call, MetricQuery.NoFilters, ct);
        var plan = await PlanAsync(call.PeriodStart, call.PeriodEnd, ct);
        var currency = options.Value.Currency;
        return language =>
        {
            string Money(decimal? v) => v is { } x ? ForecastCallCards.Money(x, currency, language) : Texts.Get(language, nameof(Catalog.FcallNoModel));
            var items = teams.Select(t => new ReplySectionItem(Line(t, currency, language))).ToList();
            return new Reply
            {
                Kind = ReplyKind.Card,
                Title = Texts.Get(language, nameof(Catalog.FcallCompanyTitle), ForecastCallCards.Quarter(call, language)),
                Text = Texts.Get(language, nameof(Catalog.FcallCompanyText), Money(teams.Sum(t => t.Commit)), Money(teams.Sum(t => t.BestCase)), Money(model), Money(plan)),
                Language = language,
                Sections = [new ReplySection(Texts.Get(language, nameof(Catalog.FcallByTeamTitle)), items, "—") { Id = "fcall_teams" }],
                Context = [Texts.Get(language, nameof(Catalog.FcallModelNote))],
            };
        };
    }

    public static string Line(ForecastCallTeam t, string currency, string language)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Texts.Get(language, nameof(Catalog.FcallTeamLine), t.Call.Team, ForecastCallCards.Money(t.Commit, currency, language),
            ForecastCallCards.Money(t.BestCase, currency, language),
            t.Model is { } m ? ForecastCallCards.Money(m, currency, language) : Texts.Get(language, nameof(Catalog.FcallNoModel)), t.Called, t.Reps);
    }
}

/// <summary>One team's latest call in a quarter: its commit and best case, the model's number, how many of its reps called.</summary>
public sealed record ForecastCallTeam(ForecastCall Call, decimal Commit, decimal BestCase, decimal? Model, int Called, int Reps);
