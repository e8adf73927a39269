namespace RevBot.Core.Alerts;

/// <summary>
/// A stream of rows whose statement starts as soon as this is created (on the caller's own connection) and is read
/// later, so several statements of one scan run at the same time. Each row is fetched while the previous one is handled.
/// Public for <c>revbot alerts scan --dry-run</c>, which starts the scan while it checks the migrations.
/// </summary>
public sealed class StartedStream<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncEnumerator<T> _rows;
    private Task<bool> _next;

    public StartedStream(Func<CancellationToken, IAsyncEnumerable<T>> open, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _rows = open(_stop.Token).GetAsyncEnumerator(_stop.Token);
        _next = _rows.MoveNextAsync().AsTask();
    }

    public async IAsyncEnumerable<T> ReadAsync()
    {
        while (await _next)
        {
            var row = _rows.Current;
            _next = _rows.MoveNextAsync().AsTask();
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // An enumerator cannot be disposed while a MoveNext is running: stop the statement and let it end first.
        // Its own error (a cancellation, most likely) is not the one to report, so it is observed and dropped.
        if (!_next.IsCompleted)
        {
            await _stop.CancelAsync();
            await Task.WhenAny(_next);
            _ = _next.Exception;
        }
        await _rows.DisposeAsync();
        _stop.Dispose();
    }
}
