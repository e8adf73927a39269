using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>A company name a span may refer to, with how well it matched (1 = the full name exactly).</summary>
internal sealed record EntityCandidate(Dimension Dimension, NamedEntity Entity, double Score);
