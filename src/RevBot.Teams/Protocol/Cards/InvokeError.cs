namespace RevBot.Teams.Protocol.Cards;

/// <summary>The <c>value</c> of an error invoke response: <c>{ "code": "BadRequest", "message": "…" }</c>.</summary>
public sealed record InvokeError(string Code, string Message);
