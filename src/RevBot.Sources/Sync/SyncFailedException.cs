namespace RevBot.Sources.Sync;

/// <summary>A sync that cannot go on: a batch the importer refused as a whole, or a system's answer the connector cannot use.</summary>
public sealed class SyncFailedException(string message, Exception? inner = null) : Exception(message, inner);
