namespace RevBot.Slack.WebApi;

/// <summary>What views.open, views.update and views.publish return.</summary>
public sealed record ViewResponse(SlackViewInfo View);
