using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Writes imported rows: new rows in bulk (<see cref="BulkInsert"/>); changed rows attached and given
/// the new values (so only changed columns are updated, and EF checks a deal's version), saved in batches; identical
/// rows not touched. The caller turns automatic change detection off and the tracker is cleared after each batch,
/// so the cost stays linear in the rows. <see cref="AddAsync"/> is for rows whose generated ids are needed (users).
/// </summary>
internal sealed class TableWriter(RevBotDb db, CancellationToken ct)
{
    private const int BatchSize = 1000;
    private int _pending;

    public RevBotDb Db => db;

    public CancellationToken Token => ct;

    public async Task AddAsync(object entity)
    {
        db.Add(entity);
        await CountAsync();
    }

    public async Task UpdateAsync<T>(T stored, T imported, RowComparer<T> comparer) where T : class
    {
        comparer.CopyKey(stored, imported);
        db.Attach(stored);
        db.Entry(stored).CurrentValues.SetValues(imported);
        await CountAsync();
    }

    /// <summary>Inserts the rows whose key is not stored and updates those that differ; returns the counts for the file.</summary>
    public async Task<CsvFileCounts> UpsertAsync<T, TKey>(
        string file, IReadOnlyList<ImportRow<T>> rows, Func<T, TKey> key, IReadOnlyDictionary<TKey, T> stored, Action<T, T>? onUpdate = null)
        where T : class where TKey : notnull
    {
        var comparer = new RowComparer<T>(db.Model);
        var inserts = new List<T>();
        var updated = 0;
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(key(row.Entity), out var current))
            {
                inserts.Add(row.Entity);
            }
            else if (!comparer.Same(current, row.Entity))
            {
                onUpdate?.Invoke(current, row.Entity);
                await UpdateAsync(current, row.Entity, comparer);
                updated++;
            }
        }
        await FlushAsync();
        await BulkInsert.RunAsync(db, inserts, ct);
        return new CsvFileCounts(file, rows.Count, inserts.Count, updated);
    }

    /// <summary>Stored rows by key; the first wins should the database hold several with one natural key.</summary>
    public static Dictionary<TKey, T> ByKey<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key) where TKey : notnull
    {
        var result = new Dictionary<TKey, T>();
        foreach (var row in rows) result.TryAdd(key(row), row);
        return result;
    }

    public async Task FlushAsync()
    {
        if (_pending == 0) return;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        _pending = 0;
    }

    private async Task CountAsync()
    {
        if (++_pending >= BatchSize) await FlushAsync();
    }
}
