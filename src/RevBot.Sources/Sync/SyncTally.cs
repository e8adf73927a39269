using System.Text.Json;
using RevBot.Core.Sources;
using RevBot.Data.Csv;

namespace RevBot.Sources.Sync;

/// <summary>What a run read, wrote, deleted and skipped, per object, with the skipped records and their reasons.</summary>
internal sealed class SyncTally
{
    private readonly Dictionary<string, ObjectCounts> _objects = new(StringComparer.Ordinal);
    private readonly List<SyncSkip> _skips = [];
    private int _skipped;

    public void Add(SyncBatch batch, CsvImportResult result)
    {
        if (!_objects.TryGetValue(batch.Object, out var counts)) _objects[batch.Object] = counts = new ObjectCounts();
        counts.Read += batch.Read;
        counts.Written += result.Files.Sum(f => f.Inserted + f.Updated);
        counts.Deleted += result.Deleted.Values.Sum();
        foreach (var skip in batch.Skipped) Skip(skip, counts);
        // A record the importer refused is named by its id in its system, with every reason the importer gave.
        foreach (var refused in result.Refused.GroupBy(r => batch.Rows.LabelOf(r) ?? $"{r.File}:{r.Line}"))
            Skip(new SyncSkip(batch.Object, refused.Key, string.Join("; ", refused.Select(r => r.Column is null ? r.Message : $"{r.Column}: {r.Message}"))), counts);
    }

    public void CopyTo(SyncRun run, int maxListed)
    {
        run.Read = _objects.Values.Sum(o => o.Read);
        run.Written = _objects.Values.Sum(o => o.Written);
        run.Deleted = _objects.Values.Sum(o => o.Deleted);
        run.Skipped = _skipped;
        run.Details = JsonSerializer.Serialize(new
        {
            objects = _objects.ToDictionary(o => o.Key, o => new { read = o.Value.Read, written = o.Value.Written, deleted = o.Value.Deleted, skipped = o.Value.Skipped }),
            skipped = _skips.Take(maxListed).Select(s => new { @object = s.Object, id = s.Id, reason = s.Reason }),
        });
    }

    private void Skip(SyncSkip skip, ObjectCounts counts)
    {
        _skipped++;
        counts.Skipped++;
        _skips.Add(skip);
    }

    private sealed class ObjectCounts
    {
        public int Read { get; set; }
        public int Written { get; set; }
        public int Deleted { get; set; }
        public int Skipped { get; set; }
    }
}
