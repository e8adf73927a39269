using RevBot.Core.Replies;

namespace RevBot.Core.Deals;

/// <summary>
/// The value of a deal card's buttons: the deal id, the version the card showed and a nonce for this rendering, in
/// <see cref="ReplyFormState"/>'s encoding. The idempotency key of a press is the nonce plus the action id, so a
/// platform retry (or a double click) of the same button on the same card applies once.
/// </summary>
public static class DealActionValue
{
    public static string NewNonce() => Guid.NewGuid().ToString("N")[..16];

    public static string Format(string dealId, int version, string nonce) => new ReplyFormState(dealId, version, nonce).Encode();

    public static bool TryParse(string? value, out ReplyFormState state) => ReplyFormState.TryDecode(value, out state);

    public static string KeyFor(ReplyFormState state, string actionId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"{state.IdempotencyKey}:{actionId}";
    }
}
