using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// What reading the files collects before anything is written: errors, warnings, the ids each file defines and the
/// references to check against the files and the database once everything is read.
/// </summary>
internal sealed class ImportContext(IModel model, IReadOnlySet<(string File, int Line)>? excluded = null)
{
    private readonly List<(string Id, CsvPlace At)> _accountRefs = [];
    private readonly List<(string Id, CsvPlace At)> _dealRefs = [];
    private readonly Dictionary<string, CsvPlace> _userRefs = new(StringComparer.OrdinalIgnoreCase);

    public List<CsvIssue> Errors { get; } = [];

    public List<CsvIssue> Warnings { get; } = [];

    /// <summary>Rows a mapping left out on purpose (its <c>skip</c> rules), counted per file and reason.</summary>
    public List<CsvFilteredRows> Filtered { get; } = [];

    /// <summary>The files in the order their rows were read, so that issues are listed in that order.</summary>
    public List<string> FileOrder { get; } = [];

    /// <summary>Whether the row is one that an earlier pass of <c>--skip-invalid</c> refused.</summary>
    public bool IsExcluded(string file, int line) => excluded?.Contains((file, line)) == true;

    public HashSet<string> AccountIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DealIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ListedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Emails referenced by some file, each with the first place it is referenced.</summary>
    public IReadOnlyDictionary<string, CsvPlace> UserRefs => _userRefs;

    public int? MaxLength<T>(string property) => model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength();

    public void ReferAccount(CsvRow row, string column, string? id)
    {
        if (id is not null) _accountRefs.Add((id, row.At(column)));
    }

    public void ReferDeal(CsvRow row, string column, string? id)
    {
        if (id is not null) _dealRefs.Add((id, row.At(column)));
    }

    public void ReferUser(CsvRow row, string column, string? email)
    {
        if (email is not null) _userRefs.TryAdd(email, row.At(column));
    }

    /// <summary>False, with an error, when the key was already seen in this file.</summary>
    public bool FirstTime<TKey>(Dictionary<TKey, int> seen, TKey key, CsvRow row, string column, string what) where TKey : notnull
    {
        if (seen.TryAdd(key, row.Line)) return true;
        row.Error(column, $"duplicate {what} (first on line {seen[key]})");
        return false;
    }

    /// <summary>Reports references to ids neither the files nor the database have; warns about users that will be created.</summary>
    public async Task CheckReferencesAsync(RevBotDb db, CancellationToken ct)
    {
        var accounts = await KnownAsync(_accountRefs, AccountIds, ids => db.Accounts.Where(a => EF.Parameter(ids).Contains(a.Id)).Select(a => a.Id), ct);
        foreach (var (id, at) in _accountRefs)
            if (!accounts.Contains(id)) Errors.Add(at.Issue($"unknown account id '{id}' (not in accounts.csv nor in the database)"));
        var deals = await KnownAsync(_dealRefs, DealIds, ids => db.Deals.Where(d => EF.Parameter(ids).Contains(d.Id)).Select(d => d.Id), ct);
        foreach (var (id, at) in _dealRefs)
            if (!deals.Contains(id)) Errors.Add(at.Issue($"unknown deal id '{id}' (not in deals.csv nor in the database)"));

        var stored = (await db.Users.Select(u => u.Email).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (email, at) in _userRefs)
            if (!ListedUsers.Contains(email) && !stored.Contains(email))
                Warnings.Add(at.Issue($"user {email} is not in users.csv; creating it with the name '{UserNames.FromEmail(email)}'"));
    }

    /// <summary>The referenced ids that exist: those the files define plus those found in the database.</summary>
    private static async Task<HashSet<string>> KnownAsync(
        List<(string Id, CsvPlace At)> refs, HashSet<string> inFiles, Func<List<string>, IQueryable<string>> query, CancellationToken ct)
    {
        var known = new HashSet<string>(inFiles, StringComparer.Ordinal);
        var elsewhere = refs.Select(r => r.Id).Where(id => !inFiles.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var found in await Chunked.QueryAsync(elsewhere, query, ct)) known.Add(found);
        return known;
    }
}
