namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>Reconnection pacing: immediately after Slack asks for a refresh, with growing backoff after failures.</summary>
public sealed record SocketModeTiming
{
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Socket Mode was switched off in the app's settings: no point knocking often.</summary>
    public TimeSpan LinkDisabledBackoff { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Envelopes are a few KB; this only bounds what a broken peer could make us buffer.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Clamp(failures - 1, 0, 20)));
}
