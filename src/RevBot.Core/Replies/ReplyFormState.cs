using System.Globalization;

namespace RevBot.Core.Replies;

/// <summary>
/// The hidden part of a form: which record, at which version it was shown, and the idempotency key of this one
/// submission (a platform retry of the same submission carries the same key and is applied once). Adapters carry it
/// as <see cref="Encode"/>'s single string (Slack private_metadata, Teams Action.Execute data) and decode it back.
/// <see cref="Language"/> is the language the card or form was written in, so a press on it answers in that language
/// even where the platform does not say the presser's (Slack).
/// </summary>
public sealed record ReplyFormState(string RecordId, int Version, string IdempotencyKey, string? Language = null)
{
    private const string Prefix = "v1";
    private const string WithLanguage = "v2";

    /// <summary>
    /// "v1|7|key|deal-00000042", or "v2|es|7|key|deal-00000042" with the language: the record id last, so it may hold
    /// any character.
    /// </summary>
    public string Encode() => Language is null
        ? string.Join('|', Prefix, Version.ToString(CultureInfo.InvariantCulture), IdempotencyKey, RecordId)
        : string.Join('|', WithLanguage, Language, Version.ToString(CultureInfo.InvariantCulture), IdempotencyKey, RecordId);

    public static bool TryDecode(string? text, out ReplyFormState state)
    {
        state = new ReplyFormState("", 0, "");
        string? language = null;
        var parts = text?.Split('|', 4);
        if (parts is [WithLanguage, ..])
        {
            var withLanguage = text!.Split('|', 5);
            if (withLanguage is not [_, var lang, _, _, _] || lang.Length is 0 or > 16 || !lang.All(c => char.IsAsciiLetter(c) || c == '-')) return false;
            language = lang;
            parts = withLanguage[1..];
            parts[0] = Prefix;
        }
        if (parts is not [Prefix, var version, var key, var record] || key.Length is 0 or > 120 || record.Length is 0 or > 200
            || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return false;
        state = new ReplyFormState(record, v, key, language);
        return true;
    }
}
