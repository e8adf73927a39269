namespace RevBot.Core.DataHealth;

/// <summary>The outcome of a merge or an undo. <see cref="AuditId"/> is the merge's audit entry, which Undo names.</summary>
public sealed record MergeResult(MergeStatus Status, string Message, long? AuditId = null);
