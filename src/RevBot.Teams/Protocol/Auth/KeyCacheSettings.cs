namespace RevBot.Teams.Protocol.Auth;

/// <summary>How signing keys are cached. The defaults follow the Bot Framework's guidance; tests shorten them.</summary>
public sealed record KeyCacheSettings
{
    /// <summary>Keys are re-read at least this often (IdentityModel adds up to an hour of jitter, so still within a day).</summary>
    public TimeSpan AutomaticRefresh { get; init; } = TimeSpan.FromHours(12);

    /// <summary>At most one forced refresh (unknown key id) per gap. IdentityModel's floor is one second.</summary>
    public TimeSpan MinimumRefreshGap { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a request waits for a forced refresh before deciding with the keys it has.</summary>
    public TimeSpan RefreshWait { get; init; } = TimeSpan.FromSeconds(5);
}
