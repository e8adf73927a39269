namespace RevBot.Core.Metrics;

/// <summary>One group of a breakdown while it is computed. Rows without a value (no owner, no region) share the empty key.</summary>
internal readonly record struct GroupKey(string Key, string Label)
{
    public const string NoneLabel = "(none)";

    public static GroupKey Total { get; } = new("", "");

    public static GroupKey From(string? key, string? label) =>
        string.IsNullOrEmpty(key) ? new("", NoneLabel) : new(key, string.IsNullOrEmpty(label) ? key : label);
}
