namespace RevBot.Teams.Protocol.Auth;

/// <summary>Why an inbound request was refused. See <see cref="BotAuthResult.StatusCode"/> for the HTTP mapping.</summary>
public enum BotAuthFailure
{
    None,

    /// <summary>Teams is not configured (no AppId, not anonymous).</summary>
    NotConfigured,

    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    MissingToken,

    /// <summary>Malformed, unsigned or wrongly signed, wrong algorithm, issuer, audience or lifetime.</summary>
    InvalidToken,

    /// <summary>The token names a key id the issuer does not publish, even after a refresh.</summary>
    UnknownSigningKey,

    /// <summary>The signing keys could not be fetched; the request cannot be judged.</summary>
    KeysUnavailable,

    /// <summary>A valid token whose signing key is not endorsed for the activity's channelId.</summary>
    EndorsementMissing,

    /// <summary>A valid token whose <c>serviceurl</c> claim differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,
}
