namespace RevBot.Host.Api;

/// <summary>The 412 body: the deal's version now and the audit entries written after the version the client sent.</summary>
internal sealed record DealApiConflict(string Title, int CurrentVersion, IReadOnlyList<DealHistoryEntry> Changes);
