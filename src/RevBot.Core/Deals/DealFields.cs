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
    public const string ClosedAt = "closedAt";
    public const string ActivityType = "activityType";
    public const string Subject = "subject";

    public const int MaxNextStep = 500;
    public const int MaxSubject = 500;
}
