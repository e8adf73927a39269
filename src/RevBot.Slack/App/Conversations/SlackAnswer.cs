
using RevBot.Slack.App.Files;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Conversations;

/// <summary>An answer as a Slack message, and the chart to share after it when the question asked for one.</summary>
internal sealed record SlackAnswer(SlackMessage Message, SlackUpload? Chart = null);
