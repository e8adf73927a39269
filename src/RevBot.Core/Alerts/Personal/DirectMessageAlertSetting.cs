using RevBot.Core.Replies;

namespace RevBot.Core.Alerts.Personal;

/// <summary>
/// Whether the person gets direct messages about one kind of alert (on unless they muted it), labelled for people
/// ("Stalled-deal DMs"), with the button that flips it (<c>alert.mute</c> / <c>alert.unmute</c>, the kind as value).
/// </summary>
public sealed record DirectMessageAlertSetting(AlertKind Kind, string Label, bool Muted, ReplyAction Toggle);
