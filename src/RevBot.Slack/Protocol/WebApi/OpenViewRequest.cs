
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>views.open: shows a modal. The trigger_id comes from the interaction and expires after 3 seconds.</summary>
public sealed record OpenViewRequest(string TriggerId, View View);
