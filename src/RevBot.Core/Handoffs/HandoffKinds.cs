namespace RevBot.Core.Handoffs;

/// <summary>The kinds of outbox message and hand-off RevBot writes, and the claim action's id.</summary>
public static class HandoffKinds
{
    public const string WonMessage = "handoff.won";
    public const string WithdrawnMessage = "handoff.withdrawn";
    public const string PricingMessage = "feedback.pricing";
    public const string PricingWithdrawnMessage = "feedback.pricing.withdrawn";
    public const string Onboarding = "onboarding";
    public const string ClaimAction = "handoff.claim";
}
