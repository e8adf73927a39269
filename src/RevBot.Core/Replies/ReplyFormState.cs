using System.Globalization;

namespace RevBot.Core.Replies;

/// <summary>
/// The hidden part of a form: which record, at which version it was shown, and the idempotency key of this one
/// submission (a platform retry of the same submission carries the same key and is applied once). Adapters carry it
/// as <see cref="Encode"/>'s single string (Slack private_metadata, Teams Action.Execute data) and decode it back.
/// </summary>
public sealed record ReplyFormState(string RecordId, int Version, string IdempotencyKey)
{
    private const string Prefix = "v1";

    /// <summary>"v1|7|key|deal-00000042": the record id last, so it may hold any character.</summary>
    public string Encode() => string.Join('|', Prefix, Version.ToString(CultureInfo.InvariantCulture), IdempotencyKey, RecordId);

    public static bool TryDecode(string? text, out ReplyFormState state)
    {
        state = new ReplyFormState("", 0, "");
        var parts = text?.Split('|', 4);
        if (parts is not [Prefix, var version, var key, var record] || key.Length is 0 or > 120 || record.Length is 0 or > 200
            || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return false;
        state = new ReplyFormState(record, v, key);
        return true;
    }
}
