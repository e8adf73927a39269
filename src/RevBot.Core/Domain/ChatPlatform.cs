namespace RevBot.Core.Domain;

/// <summary>
/// The chat a message, channel or delivery belongs to. Outside C# it is spelled by <see cref="EnumText"/> ("slack",
/// "teams"): the <c>platform</c> columns (one converter in <see cref="Storage.RevBotDb"/>), the "slack:C0123" channel
/// settings, logs and metric tags all use that one spelling.
/// </summary>
public enum ChatPlatform
{
    Slack,
    Teams,
}
