using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Periods;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// Questions answered from the stored calls, before the turn is read as a metric question: "what's my commit" /
/// "¿cuál es mi commit?", "forecast call by team" / "commit por equipo", "how did the call change this week" /
/// "¿cómo cambió la llamada esta semana?". Only phrasings that name the call or a commit: "forecast by team" stays the
/// <c>forecast</c> metric's. The same rule as the roll-ups: a rep sees their own call, a manager their line, RevOps,
/// finance and executives everyone.
/// </summary>
public sealed partial class ForecastCallQuestions(RevBotDb db, ForecastCallCompany company, IOptions<CompanyOptions> options, CompanyClock clock) : IChatCommand
{
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plain = DigestPhraseParser.Plain(request.Question);
        var ask = ByTeam().IsMatch(plain) ? Ask.ByTeam : Change().IsMatch(plain) ? Ask.Change : MyCommit().IsMatch(plain) ? Ask.Mine : (Ask?)null;
        if (ask is null) return null;
        var language = QuestionLanguage.Of(request.Question);
        var asker = request.UserEmail is { } email ? await db.Users.AsNoTracking().WithEmail(email).FirstOrDefaultAsync(ct) : null;
        if (asker is null) return Make(language, Texts.Get(language, nameof(Catalog.FcallRefusedTitle)), Texts.Get(language, nameof(Catalog.FcallUnknownAsker)), understood: false);
        var today = request.AsOf ?? clock.Today;
        var start = new FiscalCalendar(options.Value.FiscalYearStartMonth).StartOf(PeriodGrain.Quarter, today);
        return ask switch
        {
            Ask.Mine => await MineAsync(asker, start, language, ct),
            Ask.ByTeam => await ByTeamAsync(asker, start, language, ct),
            _ => await ChangeAsync(asker, start, language, ct),
        };
    }

    private async Task<Answer> MineAsync(User asker, DateOnly start, string language, CancellationToken ct)
    {
        var rows = await db.ForecastSnapshots.AsNoTracking()
            .Where(f => f.OwnerId == asker.Id && f.PeriodStart == start && (f.Kind == ForecastCallKinds.Commit || f.Kind == ForecastCallKinds.BestCase))
            .OrderByDescending(f => f.TakenAt).ToListAsync(ct);
        var title = Texts.Get(language, nameof(Catalog.FcallMyCommitTitle));
        var commit = rows.FirstOrDefault(r => r.Kind == ForecastCallKinds.Commit);
        var best = rows.FirstOrDefault(r => r.Kind == ForecastCallKinds.BestCase && r.CallId == commit?.CallId);
        if (commit is null || best is null) return Make(language, title, Texts.Get(language, nameof(Catalog.FcallMyCommitNone)));
        var currency = options.Value.Currency;
        var text = Texts.Get(language, nameof(Catalog.FcallMyCommitText), ForecastCallCards.Money(commit.Amount, currency, language),
            ForecastCallCards.Money(best.Amount, currency, language), Formats.Date(DateOnly.FromDateTime(commit.TakenAt), language, DateStyle.Long));
        return Make(language, title, text) with { Value = commit.Amount, Currency = currency };
    }

    private async Task<Answer> ByTeamAsync(User asker, DateOnly start, string language, CancellationToken ct)
    {
        if (await TeamsInViewAsync(asker, ct) is not { } teams)
            return Make(language, Texts.Get(language, nameof(Catalog.FcallRefusedTitle)), Texts.Get(language, nameof(Catalog.FcallByTeamRefused)), understood: false);
        var rows = await company.TeamsAsync(start, teams, ct);
        var currency = options.Value.Currency;
        var title = Texts.Get(language, nameof(Catalog.FcallByTeamTitle));
        var items = rows.Select(t => new ReplySectionItem(ForecastCallCompany.Line(t, currency, language))).ToList();
        var text = items.Count == 0 ? Texts.Get(language, nameof(Catalog.FcallByTeamNone))
            : Texts.Get(language, nameof(Catalog.FcallByTeamText), ForecastCallCards.Money(rows.Sum(r => r.Commit), currency, language), ForecastCallCards.Money(rows.Sum(r => r.BestCase), currency, language));
        var answer = Make(language, title, text, kind: ReplyKind.List);
        return answer with { Reply = answer.Reply with { Sections = [new ReplySection(title, items, text) { Id = "fcall_teams" }] } };
    }

    private async Task<Answer> ChangeAsync(User asker, DateOnly start, string language, CancellationToken ct)
    {
        var people = await PeopleInViewAsync(asker, ct);
        var calls = await db.ForecastSnapshots.AsNoTracking()
            .Where(f => f.PeriodStart == start && f.Kind == ForecastCallKinds.Commit && f.CallId != null && people.Contains(f.OwnerId!.Value))
            .Join(db.ForecastCalls, f => f.CallId, c => (long?)c.Id, (f, c) => new { f.OwnerId, f.Amount, c.OpenedAt }).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var currency = options.Value.Currency;
        var items = new List<ReplySectionItem>();
        var (now, before) = (0m, 0m);
        foreach (var person in calls.GroupBy(c => c.OwnerId!.Value).OrderBy(g => names.GetValueOrDefault(g.Key)))
        {
            var ordered = person.OrderByDescending(c => c.OpenedAt).ToList();
            var latest = ordered[0].Amount;
            var previous = ordered.Count > 1 ? ordered[1].Amount : (decimal?)null;
            now += latest;
            before += previous ?? 0;
            items.Add(new ReplySectionItem(previous is { } p
                ? Texts.Get(language, nameof(Catalog.FcallChangeLine), names.GetValueOrDefault(person.Key), ForecastCallCards.Money(p, currency, language),
                    ForecastCallCards.Money(latest, currency, language), Formats.SignedMoney(latest - p, currency, language, MoneyStyle.Compact))
                : Texts.Get(language, nameof(Catalog.FcallChangeFirst), names.GetValueOrDefault(person.Key), ForecastCallCards.Money(latest, currency, language))));
        }
        var title = Texts.Get(language, nameof(Catalog.FcallChangeTitle));
        var text = items.Count == 0 ? Texts.Get(language, nameof(Catalog.FcallChangeNone))
            : Texts.Get(language, nameof(Catalog.FcallChangeText), ForecastCallCards.Money(now, currency, language), Formats.SignedMoney(now - before, currency, language, MoneyStyle.Compact));
        var answer = Make(language, title, text, kind: ReplyKind.List);
        return answer with { Reply = answer.Reply with { Sections = [new ReplySection(title, items, text) { Id = "fcall_changes" }] } };
    }

    /// <summary>Null for a rep (their own call only); a manager's line's teams; everyone's for RevOps, finance and executives.</summary>
    private async Task<IReadOnlyCollection<string>?> TeamsInViewAsync(User asker, CancellationToken ct)
    {
        if (asker.Role is UserRole.Revops or UserRole.Finance or UserRole.Exec)
            return await db.ForecastCalls.AsNoTracking().Select(c => c.Team).Distinct().ToListAsync(ct);
        if (asker.Role != UserRole.Manager) return null;
        var line = await PeopleInViewAsync(asker, ct);
        return await db.Users.AsNoTracking().Where(u => line.Contains(u.Id) && u.Team != null).Select(u => u.Team!).Distinct().ToListAsync(ct);
    }

    /// <summary>Whose calls the asker may see: themselves; a manager also their reporting line; RevOps, finance and executives everyone.</summary>
    private async Task<List<int>> PeopleInViewAsync(User asker, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.ManagerId }).ToListAsync(ct);
        if (asker.Role is UserRole.Revops or UserRole.Finance or UserRole.Exec) return [.. users.Select(u => u.Id)];
        var seen = new List<int> { asker.Id };
        if (asker.Role != UserRole.Manager) return seen;
        for (var level = 0; level < 10; level++)
        {
            var next = users.Where(u => u.ManagerId is { } m && seen.Contains(m) && !seen.Contains(u.Id)).Select(u => u.Id).ToList();
            if (next.Count == 0) break;
            seen.AddRange(next);
        }
        return seen;
    }

    private static Answer Make(string language, string title, string text, bool understood = true, ReplyKind kind = ReplyKind.Answer) => new()
    {
        Understood = understood, Intent = "forecast_call", Language = language, Text = text,
        Reply = new Reply { Kind = understood ? kind : ReplyKind.NotUnderstood, Title = title, Text = text },
    };

    private enum Ask
    {
        Mine,
        ByTeam,
        Change,
    }

    // Words people type (EN and ES, folded: lower case, no accents), not words RevBot says.
    [GeneratedRegex(@"\b(?:(?:forecast )?calls? by team|commits? by team|(?:llamadas?(?: de prevision)?|commits?|compromisos?) por equipo)\b")]
    private static partial Regex ByTeam();

    [GeneratedRegex(@"\b(?:how (?:did|has) (?:the|my|our) (?:forecast )?call changed?|what changed in (?:the|my|our) (?:forecast )?call|call changes?|como (?:ha )?cambiad?o (?:la|mi|nuestra) llamada|que cambio en (?:la|mi|nuestra) llamada|cambios? (?:de|en) la llamada)\b")]
    private static partial Regex Change();

    [GeneratedRegex(@"\b(?:my (?:forecast )?(?:commit|call)|(?:cual es )?mi (?:commit|compromiso|llamada(?: de prevision)?))\b")]
    private static partial Regex MyCommit();
}
