namespace RevBot.Core.Digests;

/// <summary>The stable ids of digest sections: renderers and feeds refer to sections by these.</summary>
public static class DigestSectionIds
{
    public const string TopWon = "top_won";
    public const string TopLost = "top_lost";
    public const string StageAdvances = "stage_advances";
    public const string PushedOut = "pushed_out";
    public const string StalledDeals = "stalled_deals";
    public const string AtRiskAccounts = "at_risk_accounts";
    public const string OpenHandoffs = "open_handoffs";
    public const string RenewalsDue = "renewals_due";
    public const string ExpansionWon = "expansion_won";
    public const string PipelineBySource = "pipeline_by_source";
    public const string ArrBridge = "arr_bridge";

    /// <summary>The weekly forecast call against the model and the plan (fed by the forecast call).</summary>
    public const string ForecastCall = "forecast_call";
}
