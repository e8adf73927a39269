using RevBot.Core.Domain;

namespace RevBot.Core.Interactions;

/// <summary>
/// A submitted <c>ReplyForm</c>: its id, its state string exactly as rendered (<c>ReplyFormState.Encode()</c>) and the
/// value of every field by field id. Send each field the form showed; an input left empty as null or "" (it clears
/// the field where clearing is allowed). Choices come back as the choice's value. <paramref name="Language"/> ("es" or
/// "en", when the platform says it) decides how a typed amount is read ("12,50" is 12.50 in Spanish and refused in
/// English) and the language of the stale and amount messages.
/// </summary>
public sealed record FormSubmission(string FormId, string State, IReadOnlyDictionary<string, string?> Values, int? UserId, string? UserEmail, ChangeChannel Channel, string? Language = null)
{
    /// <inheritdoc cref="CardPress.PersonLanguage"/>
    public string? PersonLanguage { get; init; }

    /// <inheritdoc cref="CardPress.PresserLanguage"/>
    public string? PresserLanguage => Language ?? PersonLanguage;
}
