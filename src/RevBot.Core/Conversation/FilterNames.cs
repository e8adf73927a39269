using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// The names an answer shows for filter values stored as keys: a rep's name for an owner email, an account's name for
/// its id. Other filter values (regions, segments, products) are already what people read. Taken from the names the
/// question was read with when they hold it (no round trip: most such filters were matched from those very names),
/// else from the database.
/// </summary>
public static class FilterNames
{
    public static Task<IReadOnlyDictionary<Dimension, string>> LoadAsync(RevBotDb db, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct) =>
        LoadAsync(db, filters, null, ct);

    public static async Task<IReadOnlyDictionary<Dimension, string>> LoadAsync(RevBotDb db, IReadOnlyDictionary<Dimension, string> filters,
        QuestionVocabulary? known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filters);
        var names = new Dictionary<Dimension, string>();
        if (filters.TryGetValue(Dimension.Owner, out var email)
            && (Rep(known, email) ?? await db.Users.WithEmail(email).Select(u => u.Name).FirstOrDefaultAsync(ct)) is { Length: > 0 } rep)
            names[Dimension.Owner] = rep;
        if (filters.TryGetValue(Dimension.Account, out var id)
            && (Account(known, id) ?? await db.Accounts.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct)) is { Length: > 0 } account)
            names[Dimension.Account] = account;
        return names;
    }

    // E-mails are matched without case, as WithEmail does.
    private static string? Rep(QuestionVocabulary? known, string email) =>
        known is not null && EntityIndex.For(known).ByKey.TryGetValue(email.Trim().ToLowerInvariant(), out var rep) ? rep.Entity.Name : null;

    private static string? Account(QuestionVocabulary? known, string id)
    {
        if (known is null) return null;
        foreach (var account in known.Of(Dimension.Account))
            if (string.Equals(account.Key, id, StringComparison.Ordinal)) return account.Name;
        return null;
    }
}
