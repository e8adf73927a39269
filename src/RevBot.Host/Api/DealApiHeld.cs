namespace RevBot.Host.Api;

/// <summary>The body of a 202: the change needs an approval, nothing was applied yet (see docs/approvals.md).</summary>
internal sealed record DealApiHeld(string Title, int CurrentVersion);
