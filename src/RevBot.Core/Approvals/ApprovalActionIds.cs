namespace RevBot.Core.Approvals;

/// <summary>
/// The approval card's buttons and the reject form. Values: <c>ReplyFormState.Encode()</c> of (the request's key, 0, a
/// nonce, the card's language); the request itself says what to apply, so a button carries nothing else.
/// </summary>
public static class ApprovalActionIds
{
    public const string Prefix = "approval.";
    public const string Approve = "approval.approve";

    /// <summary>Opens the reject form (a modal in Slack, inputs on the card in Teams); the form has the same id.</summary>
    public const string Reject = "approval.reject";

    public const string ReasonField = "reason";
    public const int MaxReason = 1000;
}
