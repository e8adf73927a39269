namespace RevBot.Core.DataHealth;

/// <summary>
/// One rule of the data-health report: how many records break it, and the first few of them. <see cref="Key"/> names
/// the rule for programs ("contacts_with_the_same_e-mail"), the same in every language; <see cref="Label"/> is for people.
/// </summary>
public sealed record DataHealthCheck<T>(string Key, string Label, long Count, IReadOnlyList<T> Examples);
