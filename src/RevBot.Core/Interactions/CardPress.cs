using RevBot.Core.Domain;

namespace RevBot.Core.Interactions;

/// <summary>
/// A button pressed on a RevBot card, as the adapter received it: the action's id and value exactly as rendered, who
/// pressed it (the RevBot user id when the adapter has mapped the chat user, else their e-mail, else neither) and where.
/// </summary>
public sealed record CardPress(string ActionId, string Value, int? UserId, string? UserEmail, ChangeChannel Channel);
