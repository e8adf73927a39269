namespace RevBot.Host.Api;

/// <summary>The 422 body: one message per field, keyed by the field's JSON name.</summary>
internal sealed record DealApiErrors(string Title, IReadOnlyDictionary<string, string> Errors);
