namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// The body of the HTTP response to an <c>adaptiveCard/action</c> invoke (Universal Actions), exactly as Teams reads it:
/// <c>{ "statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": card }</c>. Write it as the
/// response body itself with HTTP 200 (see <see cref="InvokeResponse"/>), not wrapped in another object.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replace the card the user acted on with <paramref name="card"/> (for them, or for everyone if it is posted).</summary>
    public static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => new(200, CardType, card ?? throw new ArgumentNullException(nameof(card)));

    /// <summary>Show <paramref name="text"/> briefly to the user; the card stays as it is.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>An error Teams shows under the card: <paramref name="statusCode"/> 4xx or 5xx, a code such as "BadRequest".</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message)
    {
        if (statusCode is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), "An error response needs a 4xx or 5xx status.");
        return new(statusCode, ErrorType, new InvokeError(code, message));
    }
}
