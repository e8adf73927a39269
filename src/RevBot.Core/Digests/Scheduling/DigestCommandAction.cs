namespace RevBot.Core.Digests.Scheduling;

public enum DigestCommandAction
{
    /// <summary>"digest weekly sales every monday 9:00", "post the cs digest here on Mondays at 8:30".</summary>
    Schedule,

    /// <summary>"digest preview sales": the digest now, to the asker.</summary>
    Preview,

    /// <summary>"digests", "which digests are scheduled here", "resúmenes".</summary>
    List,

    /// <summary>"stop the sales digest here", "cancela el resumen de ventas".</summary>
    Stop,
}
