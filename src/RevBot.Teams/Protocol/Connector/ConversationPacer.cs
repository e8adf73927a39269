using System.Collections.Concurrent;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// Keeps this instance within Teams' per-conversation limit: at most <see cref="PerSecond"/> operations in any
/// one-second window per conversation. Callers over the limit wait their turn instead of collecting 429s.
/// </summary>
public sealed class ConversationPacer(TimeProvider time)
{
    public const int PerSecond = 7;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<long>> _recent = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string conversationId, CancellationToken ct)
    {
        if (_recent.Count > PruneAbove) Prune();
        var sent = _recent.GetOrAdd(conversationId, _ => new Queue<long>());
        while (true)
        {
            TimeSpan wait;
            lock (sent)
            {
                while (sent.Count > 0 && time.GetElapsedTime(sent.Peek()) >= Window) sent.Dequeue();
                if (sent.Count < PerSecond)
                {
                    sent.Enqueue(time.GetTimestamp());
                    return;
                }
                wait = Window - time.GetElapsedTime(sent.Peek());
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, ct);
        }
    }

    private void Prune()
    {
        foreach (var (id, sent) in _recent)
        {
            lock (sent)
            {
                if (sent.Count == 0 || time.GetElapsedTime(sent.Last()) >= Window) _recent.TryRemove(id, out _);
            }
        }
    }
}
