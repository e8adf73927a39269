using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// What goes out at a call's deadline. Each manager whose reporting line (users.manager_id, followed upwards) holds reps
/// of the team gets their line only: each rep's call against the model and last week's call, the deals moved in or
/// out of commit since last week's call, and the button for their own team call. RevOps and finance get the company
/// roll-up (<see cref="ForecastCallCompany"/>).
/// </summary>
public sealed class ForecastCallRollups(RevBotDb db, ForecastCallReader reader, ForecastCallCompany company, IOptions<CompanyOptions> options)
{
    private const int MaxLevels = 10;

    public async Task<List<(User User, Reply Reply)>> ComposeAsync(ForecastCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var byId = users.ToDictionary(u => u.Id);
        var reps = users.Where(u => u.Team == call.Team && u.Role == UserRole.Rep).OrderBy(u => u.Name).ToList();
        var previous = await reader.PreviousAsync(call, ct);
        var messages = new List<(User, Reply)>();
        foreach (var manager in users.Where(u => u.Role == UserRole.Manager).OrderBy(u => u.Id))
        {
            var line = reps.Where(r => Manages(byId, manager.Id, r)).ToList();
            if (line.Count == 0) continue;
            messages.Add((manager, await ManagerAsync(call, previous, manager, line, ct)));
        }
        var companyReply = await company.ComposeAsync(call, ct);
        foreach (var person in users.Where(u => u.Role is UserRole.Revops or UserRole.Finance).OrderBy(u => u.Id))
            messages.Add((person, companyReply(ForecastCallScheduler.Language(person))));
        return messages;
    }

    private async Task<Reply> ManagerAsync(ForecastCall call, ForecastCall? previous, User manager, List<User> line, CancellationToken ct)
    {
        var language = ForecastCallScheduler.Language(manager);
        var currency = options.Value.Currency;
        var items = new List<ReplySectionItem>();
        var (called, commit, best) = (0, 0m, 0m);
        foreach (var rep in line)
        {
            var now = await reader.NumbersAsync(call.Id, rep.Id, team: false, ct);
            var before = previous is null ? null : await reader.NumbersAsync(previous.Id, rep.Id, team: false, ct);
            var model = await reader.ModelAsync(call, new Dictionary<Dimension, string> { [Dimension.Owner] = rep.Email }, ct);
            var modelText = model is { } m ? ForecastCallCards.Money(m, currency, language) : Texts.Get(language, nameof(Catalog.FcallNoModel));
            if (now is null)
            {
                items.Add(new ReplySectionItem(Texts.Get(language, nameof(Catalog.FcallRollupRepMissing), rep.Name, modelText)));
                continue;
            }
            (called, commit, best) = (called + 1, commit + now.Commit, best + now.BestCase);
            var change = before is null ? Texts.Get(language, nameof(Catalog.FcallNone))
                : Formats.SignedMoney(now.Commit - before.Commit, currency, language, MoneyStyle.Compact);
            items.Add(new ReplySectionItem(Texts.Get(language, nameof(Catalog.FcallRollupRepLine), rep.Name,
                ForecastCallCards.Money(now.Commit, currency, language), ForecastCallCards.Money(now.BestCase, currency, language), modelText, change)));
        }
        var teamModel = await reader.ModelAsync(call, new Dictionary<Dimension, string> { [Dimension.Team] = call.Team }, ct);
        var quarter = ForecastCallCards.Quarter(call, language);
        var text = Texts.Get(language, nameof(Catalog.FcallRollupText), called, line.Count, ForecastCallCards.Money(commit, currency, language),
            ForecastCallCards.Money(best, currency, language), teamModel is { } tm ? ForecastCallCards.Money(tm, currency, language) : Texts.Get(language, nameof(Catalog.FcallNoModel)));
        var moves = await MovesAsync(call, previous, line, currency, language, ct);
        return ForecastCallCards.Rollup(Texts.Get(language, nameof(Catalog.FcallRollupTitle), call.Team, quarter), text, items, moves,
            new ForecastCallCallState(call.Id, manager.Id, Team: true).Form(DealActionValue.NewNonce(), language), language);
    }

    /// <summary>Deals of the line whose forecast category went into or out of commit since last week's call (a week before this one's, for the first).</summary>
    private async Task<List<ReplySectionItem>> MovesAsync(ForecastCall call, ForecastCall? previous, List<User> line, string currency, string language, CancellationToken ct)
    {
        var since = previous?.OpenedAt ?? call.OpenedAt.AddDays(-7);
        var owners = line.Select(u => (int?)u.Id).ToList();
        var entries = await (from a in db.AuditLog.AsNoTracking()
                             join d in db.Deals.AsNoTracking() on a.EntityId equals d.Id
                             where a.Entity == "deal" && a.At >= since && owners.Contains(d.OwnerId) && a.Changes != null && a.Changes.Contains(DealFields.ForecastCategory)
                             orderby a.At
                             select new { d.Id, d.Name, d.Amount, d.OwnerId, a.Changes }).ToListAsync(ct);
        var commit = EnumText.Format(ForecastCategory.Commit);
        var moves = new Dictionary<string, (string Name, decimal Amount, int? Owner, string? First, string? Last)>();
        foreach (var e in entries)
        {
            if (JsonNode.Parse(e.Changes!)?[DealFields.ForecastCategory] is not JsonArray pair || pair.Count != 2) continue;
            var (from, to) = (pair[0]?.GetValue<string>(), pair[1]?.GetValue<string>());
            moves[e.Id] = moves.TryGetValue(e.Id, out var seen) ? seen with { Last = to } : (e.Name ?? e.Id, e.Amount, e.OwnerId, from, to);
        }
        var names = line.ToDictionary(u => u.Id, u => u.Name);
        return [.. moves.Values.Where(m => (m.First == commit) != (m.Last == commit)).OrderByDescending(m => m.Amount).Select(m => new ReplySectionItem(
            Texts.Get(language, m.Last == commit ? nameof(Catalog.FcallRollupMoveIn) : nameof(Catalog.FcallRollupMoveOut), m.Name,
                ForecastCallCards.Money(m.Amount, currency, language), (m.Owner is { } o ? names.GetValueOrDefault(o) : null) ?? "—")))];
    }

    private static bool Manages(Dictionary<int, User> byId, int managerId, User rep)
    {
        int? current = rep.ManagerId;
        for (var level = 0; level < MaxLevels && current is { } id; level++)
        {
            if (id == managerId) return true;
            current = byId.TryGetValue(id, out var up) ? up.ManagerId : null;
        }
        return false;
    }
}
