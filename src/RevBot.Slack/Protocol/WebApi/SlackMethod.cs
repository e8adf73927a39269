namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// A Web API method: how its arguments travel and whether a failed call may be sent again. JSON bodies are accepted by
/// Slack's write methods; read methods take form fields. Posting methods are not safe to repeat: a 5xx may follow a
/// message that was in fact posted, and a duplicate answer is worse than a missing one.
/// </summary>
internal sealed record SlackMethod(string Name, bool Json, bool SafeToRetry, bool UsesAppToken = false)
{
    public static readonly SlackMethod ChatPostMessage = new("chat.postMessage", Json: true, SafeToRetry: false);
    public static readonly SlackMethod ChatPostEphemeral = new("chat.postEphemeral", Json: true, SafeToRetry: false);
    public static readonly SlackMethod ChatUpdate = new("chat.update", Json: true, SafeToRetry: true);
    public static readonly SlackMethod ChatDelete = new("chat.delete", Json: true, SafeToRetry: true);
    public static readonly SlackMethod ViewsOpen = new("views.open", Json: true, SafeToRetry: false);
    public static readonly SlackMethod ViewsUpdate = new("views.update", Json: true, SafeToRetry: true);
    public static readonly SlackMethod ViewsPublish = new("views.publish", Json: true, SafeToRetry: true);
    public static readonly SlackMethod ConversationsOpen = new("conversations.open", Json: true, SafeToRetry: true);
    public static readonly SlackMethod ConversationsInfo = new("conversations.info", Json: false, SafeToRetry: true);
    public static readonly SlackMethod UsersInfo = new("users.info", Json: false, SafeToRetry: true);
    public static readonly SlackMethod UsersLookupByEmail = new("users.lookupByEmail", Json: false, SafeToRetry: true);
    public static readonly SlackMethod AuthTest = new("auth.test", Json: false, SafeToRetry: true);
    public static readonly SlackMethod FilesGetUploadUrlExternal = new("files.getUploadURLExternal", Json: false, SafeToRetry: true);
    public static readonly SlackMethod FilesCompleteUploadExternal = new("files.completeUploadExternal", Json: true, SafeToRetry: false);
    public static readonly SlackMethod AppsConnectionsOpen = new("apps.connections.open", Json: false, SafeToRetry: true, UsesAppToken: true);
}
