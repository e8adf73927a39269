namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// What channel filters look at: the deal's amount or the account's annual recurring revenue, the account's region
/// (else the owner's) and segment, the owner and the owner's team; and what the message shows (<see cref="Details"/>).
/// </summary>
internal sealed record AlertSubjectFacts(string SubjectId, decimal Amount, string? Region, string? Segment, string? OwnerEmail, string? Team)
{
    public AlertSubjectDetails? Details { get; init; }
}
