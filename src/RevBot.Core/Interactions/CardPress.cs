using RevBot.Core.Domain;

namespace RevBot.Core.Interactions;

/// <summary>
/// A button pressed on a RevBot card, as the adapter received it: the action's id and value exactly as rendered, who
/// pressed it (the RevBot user id when the adapter has mapped the chat user, else their e-mail, else neither) and where.
/// <paramref name="Language"/> is the person's language when the platform says it (Teams' locale): "es" answers a lost
/// race in Spanish; anything else, or null, in English.
/// </summary>
public sealed record CardPress(string ActionId, string Value, int? UserId, string? UserEmail, ChangeChannel Channel, string? Language = null)
{
    /// <summary>
    /// The presser's own language (their setting, else their stored chat locale: <see cref="Localization.PersonLanguage"/>), filled by
    /// <see cref="InteractionService"/> when the platform gave no <see cref="Language"/>; null for an unknown presser.
    /// Buttons on cards that carry no language of their own (alerts, data health, hand-offs) answer in it.
    /// </summary>
    public string? PersonLanguage { get; init; }

    /// <summary>
    /// The channel or group conversation the pressed message is in, as the platform names it (a Slack channel id, a Teams
    /// conversation id without its thread part); null when the adapter does not say. Buttons whose permission depends
    /// on the place (a channel watch's Stop and Snooze) read it; null grants nothing.
    /// </summary>
    public string? ChannelId { get; init; }

    /// <summary>The platform's language for the presser, else their own; null when neither is known.</summary>
    public string? PresserLanguage => Language ?? PersonLanguage;
}
