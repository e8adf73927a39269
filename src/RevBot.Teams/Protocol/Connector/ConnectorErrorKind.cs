namespace RevBot.Teams.Protocol.Connector;

public enum ConnectorErrorKind
{
    /// <summary>The service URL is neither on the allow-list nor vouched for by a validated activity: nothing was sent.</summary>
    UntrustedServiceUrl,

    /// <summary>No bot token could be obtained (wrong AppId/AppPassword/TenantId, or the token endpoint is down).</summary>
    TokenUnavailable,

    /// <summary>401 from the connector even with a fresh token.</summary>
    Unauthorized,

    /// <summary>403: the bot was removed from the conversation, blocked, or may not post there.</summary>
    Forbidden,

    /// <summary>404: the conversation or activity is gone (mark the stored reference inactive).</summary>
    NotFound,

    /// <summary>Still throttled (429/412) after every retry.</summary>
    Throttled,

    /// <summary>A 5xx. For message-creating POSTs it is not retried: the message may have been posted.</summary>
    ServerError,

    /// <summary>Any other status, or the request did not complete (network, timeout).</summary>
    Failed,
}
