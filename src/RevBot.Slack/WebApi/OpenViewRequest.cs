using RevBot.Slack.BlockKit;

namespace RevBot.Slack.WebApi;

/// <summary>views.open: shows a modal. The trigger_id comes from the interaction and expires after 3 seconds.</summary>
public sealed record OpenViewRequest(string TriggerId, View View);
