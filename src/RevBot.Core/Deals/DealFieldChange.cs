using System.Text.Json.Nodes;

namespace RevBot.Core.Deals;

/// <summary>One field of an audit entry: its old and new values as stored (JSON numbers, strings or null).</summary>
public sealed record DealFieldChange(string Field, JsonNode? Old, JsonNode? New);
