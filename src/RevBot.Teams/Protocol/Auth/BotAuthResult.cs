using System.Security.Claims;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// The outcome of authenticating one inbound request. <see cref="StatusCode"/>: 401 when the caller could not be
/// identified (no, malformed or invalid token, unknown key, keys unavailable, Teams off); 403 when the token is valid but
/// does not vouch for this activity (channel not endorsed, serviceUrl differs). The Bot Framework article asks for 403
/// in every case; RevBot keeps 401 for "who are you?" so monitoring can tell forgery attempts from misrouting.
/// </summary>
public sealed record BotAuthResult
{
    public BotAuthFailure Failure { get; private init; }

    /// <summary>For logs: what was wrong. Never contains the token.</summary>
    public string? Detail { get; private init; }
    public ClaimsIdentity? Identity { get; private init; }
    public bool IsAnonymous { get; private init; }

    public bool Succeeded => Failure == BotAuthFailure.None;

    public int StatusCode => Failure switch
    {
        BotAuthFailure.None => 200,
        BotAuthFailure.EndorsementMissing or BotAuthFailure.ServiceUrlMismatch => 403,
        _ => 401,
    };

    public static BotAuthResult Success(ClaimsIdentity identity) => new() { Identity = identity };

    public static BotAuthResult Anonymous { get; } = new() { IsAnonymous = true };

    public static BotAuthResult Fail(BotAuthFailure failure, string detail) => new() { Failure = failure, Detail = detail };
}
