namespace RevBot.Slack.Protocol.WebApi;

public sealed record PostEphemeralResponse(string MessageTs);
