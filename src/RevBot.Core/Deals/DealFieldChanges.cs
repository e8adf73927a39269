namespace RevBot.Core.Deals;

/// <summary>
/// The fields a command sets, as the text the person typed or the integration sent: null leaves a field alone, ""
/// clears it where clearing is allowed (probability, next step, forecast category). Parsing happens in validation,
/// so a bad value comes back as a message next to its field rather than an exception.
/// </summary>
public sealed record DealFieldChanges
{
    public static DealFieldChanges None { get; } = new();

    /// <summary>Exactly one of the configured stages ("Proposal"); "Closed Won"/"Closed Lost" only with the matching status.</summary>
    public string? Stage { get; init; }

    /// <summary>A non-negative number ("12500", "12,500.50").</summary>
    public string? Amount { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? CloseDate { get; init; }

    /// <summary>pipeline, best_case, commit or omitted.</summary>
    public string? ForecastCategory { get; init; }

    /// <summary>A whole number 0-100; "" means the stage's default.</summary>
    public string? Probability { get; init; }
    public string? NextStep { get; init; }

    /// <summary>A percentage 0-100 ("12", "12.5", "12%"); "" clears it.</summary>
    public string? Discount { get; init; }

    /// <summary>open, won or lost.</summary>
    public string? Status { get; init; }

    /// <summary>One of the configured loss reasons; required when the status becomes lost.</summary>
    public string? LossReason { get; init; }

    public bool IsEmpty => this == None;
}
