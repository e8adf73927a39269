namespace RevBot.Core.Domain;

/// <summary>
/// What a forecast said for a period at one moment: the company's when <see cref="OwnerId"/> is null, else a person's.
/// <see cref="Kind"/> says whose number it is: "forecast" (a forecast as imported), or a call submitted in the weekly
/// forecast call ("commit", "best_case" for a person's own deals; "team_commit", "team_best_case" for a manager's call
/// for their line, with <see cref="Team"/>), tied to its call by <see cref="CallId"/>.
/// </summary>
public sealed class ForecastSnapshot
{
    public long Id { get; set; }
    public DateTime TakenAt { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Amount { get; set; }
    public int? OwnerId { get; set; }

    /// <summary>The kind of a forecast as imported (forecast_snapshots.csv holds only these).</summary>
    public const string ImportedKind = "forecast";

    public string Kind { get; set; } = ImportedKind;

    /// <summary>For a manager's team call: the team the call was run for.</summary>
    public string? Team { get; set; }

    /// <summary>Who submitted the call (always the owner: nobody submits someone else's call); null for imported rows.</summary>
    public int? SubmittedById { get; set; }

    /// <summary>The weekly call (<c>forecast_calls</c>) the submission answered; null for imported rows.</summary>
    public long? CallId { get; set; }
}
