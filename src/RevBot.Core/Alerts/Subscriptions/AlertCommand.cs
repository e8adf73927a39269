namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// An alert chat command as read, before the database checks it: the kinds (empty means both), the filters as typed
/// ("region" → "EMEA", "in" → a word that must turn out to be a known region or segment), the minimum amount, and
/// <see cref="Problem"/> when part of it is not understood (then nothing is done).
/// </summary>
public sealed record AlertCommand(
    AlertCommandVerb Verb,
    string Language,
    IReadOnlyList<AlertKind> Kinds,
    IReadOnlyDictionary<string, string> Filters,
    decimal? MinAmount,
    string? Problem = null);
