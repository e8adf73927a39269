namespace RevBot.Core.Replies;

/// <summary>
/// A form to fill in: Slack shows it as a modal (views.open, errors via <c>response_action: errors</c>), Teams as a card
/// of Input.* fields with an Action.Execute submit. The adapter sends back <see cref="Id"/>, <see cref="State"/>
/// unchanged and each field's value by <see cref="ReplyFormField.Id"/> (see Interactions.FormSubmission).
/// </summary>
public sealed record ReplyForm
{
    /// <summary>What submitting does ("deal.update", "deal.lose", "deal.log", "deal.push", "data.merge").</summary>
    public required string Id { get; init; }

    /// <summary>Short: Slack modal titles hold 24 characters.</summary>
    public required string Title { get; init; }
    public required string SubmitLabel { get; init; }

    /// <summary>A line above the fields ("Acme Corporation – renewal 2026 · v7").</summary>
    public string? Intro { get; init; }
    public IReadOnlyList<ReplyFormField> Fields { get; init; } = [];

    /// <summary>Hidden: the record, the version the form was opened at and the idempotency key. Round-trip it as is.</summary>
    public required ReplyFormState State { get; init; }

    /// <summary>A message about the whole form rather than one field; null when there is none.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// What Cancel does where the form replaced the card it came from (Teams): a button that brings the card back,
    /// sending no input, so nothing is changed. A Slack modal's Close button is its Cancel. Null: no Cancel button.
    /// </summary>
    public ReplyAction? Cancel { get; init; }
}
