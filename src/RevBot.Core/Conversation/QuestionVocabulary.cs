using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>The company's own names, loaded from the database, that questions may mention (with typos).</summary>
public sealed record QuestionVocabulary(IReadOnlyDictionary<Dimension, IReadOnlyList<NamedEntity>> Entities)
{
    public static QuestionVocabulary Empty { get; } = new(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>());

    public IReadOnlyList<NamedEntity> Of(Dimension dimension) => Entities.TryGetValue(dimension, out var list) ? list : [];
}
