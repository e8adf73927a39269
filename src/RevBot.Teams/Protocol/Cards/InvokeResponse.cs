
namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// What the messages endpoint writes for an invoke activity: HTTP <see cref="Status"/> with <see cref="Body"/> as the JSON
/// body (serialized with <see cref="BotJson.Options"/>). Card actions always answer HTTP 200: success or failure travels in
/// the body's own statusCode, which is what Teams shows to the user.
/// </summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public static InvokeResponse ForCardAction(AdaptiveCardInvokeResponse body) => new(200, body ?? throw new ArgumentNullException(nameof(body)));

    /// <summary>For invokes RevBot does not handle (Teams then shows its own error).</summary>
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
