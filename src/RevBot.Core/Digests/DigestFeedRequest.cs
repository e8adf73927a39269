using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>What a <see cref="IDigestFeed"/> is asked for: one digest's kind, day, filters, language and how many items fit.</summary>
public sealed record DigestFeedRequest(DigestKind Kind, DateOnly AsOf, IReadOnlyDictionary<Dimension, string> Filters, string Language, int Limit);
