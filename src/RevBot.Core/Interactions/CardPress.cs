using RevBot.Core.Domain;

namespace RevBot.Core.Interactions;

/// <summary>
/// A button pressed on a RevBot card, as the adapter received it: the action's id and value exactly as rendered, who
/// pressed it (the RevBot user id when the adapter has mapped the chat user, else their e-mail, else neither) and where.
/// <paramref name="Language"/> is the person's language when the platform says it (Teams' locale): "es" answers a lost
/// race in Spanish; anything else, or null, in English.
/// </summary>
public sealed record CardPress(string ActionId, string Value, int? UserId, string? UserEmail, ChangeChannel Channel, string? Language = null);
