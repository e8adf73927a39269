namespace RevBot.Core.DataHealth;

/// <summary>An open deal with a data problem: no amount, a close date in the past, or no owner.</summary>
public sealed record DealIssue(string DealId, string Name, string Problem);
