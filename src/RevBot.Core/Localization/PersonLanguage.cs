namespace RevBot.Core.Localization;

/// <summary>
/// The one rule for which language to write to a person in. A reply to a question is in the question's language (the
/// parser's; a Spanish question gets Spanish), so this is for everything with no question behind it (the Home tab,
/// buttons on cards that carry no language, "alert subscription turned off"): the person's own setting
/// (<c>users.language</c>, "speak Spanish") — else the platform's locale for them, this turn's when the adapter has it
/// (Teams <c>activity.locale</c>, Slack <c>users.info</c> fetched fresh) else the last one stored
/// (<c>users.chat_locale</c>) — else English. Callers read the two columns; the rule needs nothing else.
/// </summary>
public static class PersonLanguage
{
    /// <summary>The setting when it is a language RevBot has texts for, else the locale's language, else English.</summary>
    public static string Resolve(string? setting, string? locale) =>
        setting is { Length: > 0 } s && Texts.Languages.Contains(s) ? s : Texts.LanguageOf(locale);

    /// <summary>
    /// <see cref="Resolve"/> when RevBot knows anything of the person's language (a setting or a locale); null when it
    /// knows neither, so the caller's own fallback (the card's, the channel's) still applies.
    /// </summary>
    public static string? Known(string? setting, string? locale) =>
        string.IsNullOrEmpty(setting) && string.IsNullOrEmpty(locale) ? null : Resolve(setting, locale);
}
