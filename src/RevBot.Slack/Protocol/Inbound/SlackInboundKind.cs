namespace RevBot.Slack.Protocol.Inbound;

/// <summary>The three things Slack delivers, named as Socket Mode envelopes name them.</summary>
public enum SlackInboundKind
{
    /// <summary><c>events_api</c>: the whole <c>event_callback</c> wrapper (app_mention, message.im, app_home_opened…).</summary>
    EventsApi,

    /// <summary><c>slash_commands</c>: the command's fields (command, text, user_id, channel_id, response_url, trigger_id…).</summary>
    SlashCommand,

    /// <summary><c>interactive</c>: block_actions, view_submission, view_closed, shortcut payloads.</summary>
    Interactive,
}
