using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// The value of a deal card's buttons: the deal id, the version the card showed and a nonce for this rendering, in
/// <see cref="ReplyFormState"/>'s encoding. The idempotency key of a press is the nonce plus the action id, so a
/// platform retry (or a double click) of the same button on the same card applies once. The card's language rides
/// along, so what a press opens or answers is in the language of the card it is on.
/// </summary>
public static class DealActionValue
{
    public static string NewNonce() => Guid.NewGuid().ToString("N")[..16];

    public static string Format(string dealId, int version, string nonce, string? language = null) => new ReplyFormState(dealId, version, nonce, language).Encode();

    /// <summary>
    /// An "Open deal" button's value: the deal id, or for a list written in another language than English the id with
    /// that language, so the card it opens speaks it too.
    /// </summary>
    public static string Open(string dealId, string language) =>
        language == Localization.Texts.Neutral ? dealId : new ReplyFormState(dealId, 0, "open", language).Encode();

    /// <summary>The deal an "Open deal" value names, and the language it carries (null for a bare id).</summary>
    public static (string DealId, string? Language) ReadOpen(string value) =>
        TryParse(value, out var state) ? (state.RecordId, state.Language) : (value, null);

    public static bool TryParse(string? value, out ReplyFormState state) => ReplyFormState.TryDecode(value, out state);

    public static string KeyFor(ReplyFormState state, string actionId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"{state.IdempotencyKey}:{actionId}";
    }
}
