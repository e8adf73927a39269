namespace RevBot.Core.ForecastCalls;

/// <summary>The forecast call's button and form ids; every "fcall." id is answered by <see cref="ForecastCallInteractions"/>.</summary>
public static class ForecastCallActionIds
{
    public const string Prefix = "fcall.";

    /// <summary>"Submit my call" / "Submit the team call": opens the form. Value: the card's <c>ReplyFormState</c>.</summary>
    public const string Open = "fcall.open";

    /// <summary>The form: commit, best case and (a rep's) deals in or out of commit.</summary>
    public const string Submit = "fcall.submit";

    /// <summary>The form's Cancel on Teams: the card back as it is now.</summary>
    public const string Back = "fcall.back";

    public const string CommitField = "commit";
    public const string BestCaseField = "best_case";

    /// <summary>A deal's forecast category field: "deal:{version}:{deal id}", so each change carries the version the form showed.</summary>
    public const string DealFieldPrefix = "deal:";
}
