namespace RevBot.Slack.WebApi;

public sealed record PostEphemeralResponse(string MessageTs);
