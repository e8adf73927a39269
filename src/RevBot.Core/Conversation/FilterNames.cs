using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// The names an answer shows for filter values stored as keys: a rep's name for an owner email, an account's name for
/// its id. Other filter values (regions, segments, products) are already what people read.
/// </summary>
public static class FilterNames
{
    public static async Task<IReadOnlyDictionary<Dimension, string>> LoadAsync(RevBotDb db, IReadOnlyDictionary<Dimension, string> filters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filters);
        var names = new Dictionary<Dimension, string>();
        if (filters.TryGetValue(Dimension.Owner, out var email)
            && await db.Users.WithEmail(email).Select(u => u.Name).FirstOrDefaultAsync(ct) is { Length: > 0 } rep)
            names[Dimension.Owner] = rep;
        if (filters.TryGetValue(Dimension.Account, out var id)
            && await db.Accounts.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) is { Length: > 0 } account)
            names[Dimension.Account] = account;
        return names;
    }
}
