namespace RevBot.Sources.Salesforce;

/// <summary>
/// The Opportunity's custom fields RevBot is told about (<see cref="SalesforceOptions.LossReasonField"/>,
/// <see cref="SalesforceOptions.DiscountField"/>): orgs name them as they like, and an org without one simply has no
/// place for that canonical field (read as empty, a change of it refused before anything is sent).
/// </summary>
public sealed record SalesforceCustomFields(string? LossReason = null, string? Discount = null)
{
    public static SalesforceCustomFields None { get; } = new();

    public static SalesforceCustomFields Of(SalesforceOptions options) => new(options.LossReasonField, options.DiscountField);

    /// <summary>The configured fields, in a fixed order, to add to a SELECT list.</summary>
    public IEnumerable<string> Selected => new[] { LossReason, Discount }.OfType<string>();
}
