using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RevBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when code starts waiting on it. Advancing a fake clock before a
/// background loop has created its timer makes the loop wait a whole interval more (the timer counts from the moved
/// clock), so a test awaits <see cref="TimerAsync"/> — the loop is waiting — and only then advances.
/// </summary>
public sealed class TimerWatch(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer due in <paramref name="dueTime"/> has been created (earlier timers are passed over).</summary>
    public async Task TimerAsync(TimeSpan dueTime, TimeSpan patience)
    {
        using var cts = new CancellationTokenSource(patience);
        while (await _created.Reader.ReadAsync(cts.Token) != dueTime) { }
    }
}
