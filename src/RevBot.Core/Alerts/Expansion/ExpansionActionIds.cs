namespace RevBot.Core.Alerts;

/// <summary>The ids of an expansion alert's "Create expansion deal" button and the form it opens (routed by <c>ExpansionActionRoute</c>).</summary>
public static class ExpansionActionIds
{
    public const string Prefix = "expansion.";

    /// <summary>Value: the account id. Opens the deal form prefilled for that account (type expansion, a suggested amount).</summary>
    public const string Create = "expansion.create";

    /// <summary>The form's id; its state carries the account id.</summary>
    public const string Form = "expansion.form";
}
