namespace RevBot.Slack.Protocol.Signing;

/// <summary>Why a request was accepted or rejected; logged, never sent back in detail.</summary>
public enum SlackSignatureCheck
{
    Valid,
    NotConfigured,
    MissingHeaders,
    InvalidTimestamp,
    StaleTimestamp,
    Mismatch,
}
