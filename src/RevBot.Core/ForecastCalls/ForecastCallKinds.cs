namespace RevBot.Core.ForecastCalls;

/// <summary>The <c>forecast_snapshots.kind</c> values a forecast call writes, and the schedule kind of its rows.</summary>
public static class ForecastCallKinds
{
    /// <summary><c>digest_schedules.kind</c> of a team's forecast call schedule.</summary>
    public const string Schedule = "forecast_call";

    public const string Commit = "commit";
    public const string BestCase = "best_case";
    public const string TeamCommit = "team_commit";
    public const string TeamBestCase = "team_best_case";

    /// <summary>The channel id a team's schedule row holds: calls go to people, not a channel.</summary>
    public static string ChannelFor(string team) => "forecast-call:" + team;
}
