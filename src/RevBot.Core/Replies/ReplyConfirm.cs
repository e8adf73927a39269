namespace RevBot.Core.Replies;

/// <summary>
/// A question asked before a button acts, because one click changes a record (Mark won, a push): Slack shows it as
/// the button's <c>confirm</c> dialog, Teams as a confirmation card (<see cref="Text"/> with <see cref="ConfirmLabel"/>
/// and <see cref="DenyLabel"/>). The button's own id and value are what the confirm runs, so the version check still
/// applies to a confirm pressed late. <see cref="Back"/> is what denying runs where the question replaced the card
/// (Teams): it brings the record's card back; null when denying needs nothing.
/// </summary>
public sealed record ReplyConfirm(string Title, string Text, string ConfirmLabel, string DenyLabel, ReplyAction? Back = null);
