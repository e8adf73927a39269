using RevBot.Core.Digests.Timing;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// A digest command read from chat. <see cref="Problem"/> is set (one sentence) when the text is about digests but
/// cannot be carried out as written; <see cref="TimeZone"/> is the IANA zone the text named, if any.
/// </summary>
public sealed record DigestChatCommand(DigestCommandAction Action, string Language)
{
    public DigestKind? Kind { get; init; }
    public DigestSchedule? Schedule { get; init; }
    public string? TimeZone { get; init; }
    public string? Problem { get; init; }
}
