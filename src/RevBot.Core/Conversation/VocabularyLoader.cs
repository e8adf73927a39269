using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// Reads the names questions may mention. One pass per table: the people (names, teams, regions), the account names,
/// the few distinct (region, segment, industry) of the accounts, the few distinct (stage, source, product) of the
/// deals and the subscriptions' products. Each DISTINCT comes back as a handful of rows (168 combinations on 240,000
/// deals), so the only large result is the account names the questions must be able to match.
/// </summary>
internal static class VocabularyLoader
{
    public static async Task<QuestionVocabulary> LoadAsync(RevBotDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Email, u.Name, u.Team, u.Region }).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Select(a => new NamedEntity(a.Id, a.Name)).ToListAsync(ct);
        var places = await db.Accounts.Select(a => new { a.Region, a.Segment, a.Industry }).Distinct().ToListAsync(ct);
        var deals = await db.Deals.Select(d => new { d.Stage, d.Source, d.Product }).Distinct().ToListAsync(ct);
        var subscribed = await db.Subscriptions.Where(s => s.Product != null).Select(s => s.Product!).Distinct().ToListAsync(ct);
        var entities = new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
        {
            [Dimension.Owner] = [.. users.Select(u => new NamedEntity(u.Email, u.Name))],
            [Dimension.Account] = accounts,
            [Dimension.Team] = Named(users.Select(u => u.Team)),
            [Dimension.Region] = Named(places.Select(p => p.Region).Concat(users.Select(u => u.Region))),
            [Dimension.Segment] = Named(places.Select(p => p.Segment)),
            [Dimension.Industry] = Named(places.Select(p => p.Industry)),
            [Dimension.Product] = Named(deals.Select(d => d.Product).Concat(subscribed)),
            [Dimension.Source] = Named(deals.Select(d => d.Source)),
            [Dimension.Stage] = Named(deals.Select(d => d.Stage)),
            [Dimension.Type] = [.. Enum.GetValues<DealType>().Select(t => new NamedEntity(EnumText.Format(t), EnumText.Format(t)))],
        };
        return new QuestionVocabulary(entities);
    }

    private static List<NamedEntity> Named(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new NamedEntity(v, v))];
}
