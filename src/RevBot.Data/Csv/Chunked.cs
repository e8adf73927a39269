using Microsoft.EntityFrameworkCore;

namespace RevBot.Data.Csv;

/// <summary>
/// Runs an "id IN (...)" query over many ids a chunk at a time. Queries pass the chunk as <c>EF.Parameter(chunk)</c>:
/// one array parameter (json_each on SQLite, = ANY on PostgreSQL) rather than a parameter per id, which SQLite
/// binds in time quadratic in their number.
/// </summary>
internal static class Chunked
{
    private const int ChunkSize = 5000;

    public static async Task<List<T>> QueryAsync<T>(IReadOnlyList<string> ids, Func<List<string>, IQueryable<T>> query, CancellationToken ct)
        where T : class
    {
        var results = new List<T>();
        for (var start = 0; start < ids.Count; start += ChunkSize)
        {
            var chunk = ids.Skip(start).Take(ChunkSize).ToList();
            results.AddRange(await query(chunk).AsNoTracking().ToListAsync(ct));
        }
        return results;
    }
}
