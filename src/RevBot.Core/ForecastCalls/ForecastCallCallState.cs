using System.Globalization;
using RevBot.Core.Replies;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// Whose call a card or form is for: the call, the person whose call it is, and whether it is their own deals' call
/// or (a manager's) their team's. Carried as the record id of a <see cref="ReplyFormState"/> ("12:7:own"), so the
/// card's nonce makes each submission's idempotency key. The submitter is checked against <see cref="OwnerId"/>.
/// </summary>
public sealed record ForecastCallCallState(long CallId, int OwnerId, bool Team)
{
    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{CallId}:{OwnerId}:{(Team ? "team" : "own")}");

    public static bool TryDecode(string? text, out ForecastCallCallState state)
    {
        state = new ForecastCallCallState(0, 0, false);
        var parts = text?.Split(':');
        if (parts is not [var call, var owner, var scope] || scope is not ("own" or "team")
            || !long.TryParse(call, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            || !int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var o))
            return false;
        state = new ForecastCallCallState(c, o, scope == "team");
        return true;
    }

    public ReplyFormState Form(string nonce, string language) => new(Encode(), 0, nonce, language);
}
