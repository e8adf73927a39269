namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// The facts someone needs to act on an alert, shown on its card or row. A stalled deal: amount, owner, stage, close
/// date and the whole days since it last moved (its latest stage entry or activity). An account at risk: annual recurring
/// revenue (<see cref="Amount"/>), owner, customer-success owner, next renewal date. People by name, never by e-mail.
/// </summary>
internal sealed record AlertSubjectDetails(
    decimal Amount,
    string Currency,
    string? OwnerName,
    string? Stage = null,
    DateOnly? CloseDate = null,
    int? DaysStalled = null,
    string? CsOwnerName = null,
    DateOnly? RenewalDate = null);
