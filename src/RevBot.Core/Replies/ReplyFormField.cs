namespace RevBot.Core.Replies;

/// <summary>
/// One input of a <see cref="ReplyForm"/>. <see cref="Value"/> is the initial value as text (numbers in invariant
/// culture, dates yyyy-MM-dd, a choice's <see cref="ReplyChoice.Value"/>). <see cref="Error"/> is shown next to the field.
/// </summary>
public sealed record ReplyFormField
{
    /// <summary>The key the submitted value comes back under ("stage", "amount", "close_date"…).</summary>
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required ReplyFieldKind Kind { get; init; }
    public string? Value { get; init; }
    public bool Required { get; init; }

    /// <summary>For <see cref="ReplyFieldKind.Choice"/>: the only values accepted, in display order.</summary>
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];
    public string? Placeholder { get; init; }

    /// <summary>For text fields: the longest value accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For number fields: the accepted range (inclusive).</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>
    /// The sentence shown when a <see cref="Required"/> field is left empty and the platform checks it before sending
    /// (Teams' errorMessage): "Choose why the deal was lost.". Null: the adapter's generic "Fill in this field.".
    /// </summary>
    public string? RequiredError { get; init; }

    /// <summary>The validation message for this field after a refused submission; null when the value is fine.</summary>
    public string? Error { get; init; }
}
