using RevBot.Data.Csv;

namespace RevBot.Sources.Sync;

/// <summary>
/// One page (or a few pages) of one object of a system, as canonical rows, and where that object's cursor stands once
/// the rows are committed. <paramref name="Read"/> counts the system's records (a deal with its history is one);
/// <paramref name="Skipped"/> lists records the connector left out on purpose, with the reason (a HubSpot deal in a
/// pipeline the settings exclude), told in the run's details.
/// </summary>
public sealed record SyncBatch(string Object, CanonicalRows Rows, string? Cursor, int Read, IReadOnlyList<SyncSkip> Skipped);

/// <summary>A record left out of a sync: its id in its system and why.</summary>
public sealed record SyncSkip(string Object, string Id, string Reason);
