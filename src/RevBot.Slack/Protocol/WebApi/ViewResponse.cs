namespace RevBot.Slack.Protocol.WebApi;

/// <summary>What views.open, views.update and views.publish return.</summary>
public sealed record ViewResponse(SlackViewInfo View);
