using System.Runtime.CompilerServices;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A sync whose reading and importing the test separates: it reads every batch from the CRM first (<see cref="Read"/>
/// completes: what it holds is the record as it was then), and imports them only once the test says <see cref="Go"/>.
/// So a write can land in the CRM after the sync read the record and before its import.
/// Use it as <c>SyncAsync(through: held.Over)</c>.
/// </summary>
internal sealed class HeldSync : ISourceConnector
{
    private ISourceConnector? _inner;

    public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public SourceSystem System => _inner!.System;

    public ISourceConnector Over(ISourceConnector inner)
    {
        _inner = inner;
        return this;
    }

    public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
    {
        var batches = new List<SyncBatch>();
        await foreach (var batch in _inner!.ReadAsync(cursors, ct)) batches.Add(batch);
        Read.TrySetResult();
        await Go.Task.WaitAsync(ct);
        foreach (var batch in batches) yield return batch;
    }
}
