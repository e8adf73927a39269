namespace RevBot.Testing;

/// <summary>
/// The one wait-until for the suites: polls, bounded and in real time, for something another thread or process does
/// (a fake platform seeing a request, a row a background service writes). It only waits: the caller asserts with its
/// own message afterwards, so a timeout fails the test with what was actually seen.
/// </summary>
public static class Wait
{
    /// <summary>How long a wait lasts unless the caller says otherwise: far beyond what a loaded machine needs.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false once <paramref name="patience"/> has passed without it.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? patience = null, TimeSpan? poll = null) =>
        UntilAsync(() => Task.FromResult(condition()), patience, poll);

    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan?, TimeSpan?)"/>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? patience = null, TimeSpan? poll = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            if (await condition()) return true;
            if (DateTime.UtcNow >= until) return false;
            await Task.Delay(poll ?? DefaultPoll, TestContext.Current.CancellationToken);
        }
    }
}
