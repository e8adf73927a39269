namespace RevBot.Core.Digests.Timing;

public enum DigestPhraseAction
{
    /// <summary>"digest weekly sales every monday 9:00": subscribe the channel.</summary>
    Schedule,

    /// <summary>"digest preview sales": build it now and show it only to the asker.</summary>
    Preview,
}
