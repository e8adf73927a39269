namespace RevBot.Core.Deals;

/// <summary>
/// The names of the changeable fields, one spelling everywhere: form field ids, API JSON properties, error keys and
/// the audit log's change keys.
/// </summary>
public static class DealFields
{
    public const string Stage = "stage";
    public const string Amount = "amount";
    public const string CloseDate = "closeDate";
    public const string ForecastCategory = "forecastCategory";
    public const string Probability = "probability";
    public const string NextStep = "nextStep";
    public const string Status = "status";
    public const string LossReason = "lossReason";
    public const string Discount = "discount";
    public const string ClosedAt = "closedAt";
    public const string ActivityType = "activityType";
    public const string Subject = "subject";

    /// <summary>A new deal's name and type (<see cref="DealCommandKind.Create"/>); set once, when the deal is created.</summary>
    public const string Name = "name";
    public const string Type = "type";

    public const int MaxNextStep = 500;
    public const int MaxSubject = 500;
}
