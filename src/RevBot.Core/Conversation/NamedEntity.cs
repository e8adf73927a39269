namespace RevBot.Core.Conversation;

/// <summary>A name people may type (a rep, an account, a region) and the canonical key stored in queries (email, account id, region name).</summary>
public sealed record NamedEntity(string Key, string Name);
