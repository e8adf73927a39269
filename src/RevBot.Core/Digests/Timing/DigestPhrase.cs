namespace RevBot.Core.Digests.Timing;

/// <summary>
/// What a digest phrase asks for. <see cref="Schedule"/> is set for <see cref="DigestPhraseAction.Schedule"/> (its
/// filters and skip-if-empty too); a preview carries the kind and filters in <see cref="Schedule"/> as well, with the
/// cron of the default weekly slot, so "preview" shows exactly what the subscription would post.
/// </summary>
public sealed record DigestPhrase(DigestPhraseAction Action, DigestSchedule Schedule, string Language);
