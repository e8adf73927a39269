using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// A connector that yields fixed canonical batches, for testing the runner's contract (not a vendor's mapping): each
/// step is one object's batch at a cursor position, read only when the stored cursor is before it, as a real connector
/// reads only what changed since its cursor. A step may fail instead (once, or every time), and the connector can hold
/// its first read until the test lets it go, to keep a run in progress.
/// </summary>
internal sealed class ScriptedConnector(SourceSystem system, params ScriptedStep[] steps) : ISourceConnector
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _hold;

    public SourceSystem System => system;

    /// <summary>The cursors each read was given, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Reads { get; } = new();

    /// <summary>Completes when a read has started (and, when held, is waiting to be let go).</summary>
    public Task Started => _started.Task;

    /// <summary>Makes the next read wait for <see cref="Release"/> before its first batch.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
    {
        Reads.Enqueue(new Dictionary<string, string>(cursors));
        _started.TrySetResult();
        if (_hold is { } hold) await hold.Task.WaitAsync(ct);
        foreach (var step in steps)
        {
            if (cursors.TryGetValue(step.Object, out var at) && string.CompareOrdinal(step.Cursor, at) <= 0) continue;
            if (step.Failures > 0)
            {
                step.Failures--;
                throw new HttpRequestException($"{step.Object} answered 503 Service Unavailable");
            }
            yield return new SyncBatch(step.Object, step.Rows(), step.Cursor, step.Read ?? step.Rows().Count, step.Skipped);
        }
    }
}

/// <summary>One batch of the script: the rows of one object up to <see cref="Cursor"/>; <see cref="Failures"/> reads fail here first.</summary>
internal sealed class ScriptedStep(string obj, string cursor, Func<CanonicalRows> rows)
{
    public string Object => obj;

    public string Cursor => cursor;

    public Func<CanonicalRows> Rows => rows;

    public int Failures { get; set; }

    public int? Read { get; init; }

    public IReadOnlyList<SyncSkip> Skipped { get; init; } = [];
}

/// <summary>Canonical rows as a HubSpot connector would make them ("hubspot:…" ids).</summary>
internal static class ScriptedRows
{
    public const string Owner = "rep@acme.test";

    public static CanonicalRows Owners() => new CanonicalRows("hubspot owners")
        .Add("users.csv", "1", Cells(("email", Owner), ("name", "Rita Rep"), ("role", "rep")));

    public static CanonicalRows Companies() => new CanonicalRows("hubspot companies")
        .Add("accounts.csv", "A1", Cells(("account_id", "hubspot:A1"), ("name", "Acme Corp"), ("owner_email", Owner)));

    /// <summary>Deals by id; an amount of "12k" makes a row the importer refuses.</summary>
    public static CanonicalRows Deals(params (string Id, string Amount)[] deals)
    {
        var rows = new CanonicalRows("hubspot deals");
        foreach (var (id, amount) in deals)
        {
            rows.Add("deals.csv", id, Cells(("deal_id", "hubspot:" + id), ("name", "Deal " + id), ("account_id", "hubspot:A1"),
                ("owner_email", Owner), ("amount", amount), ("stage", "qualification"), ("status", "open"),
                ("created_at", "2026-11-01T10:00:00Z"), ("close_date", "2026-12-31")));
        }
        return rows;
    }

    public static Dictionary<string, string?> Cells(params (string Column, string? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);
}
