namespace RevBot.Core.Alerts;

/// <summary>
/// One scan: as of a company-local day (null means today; past days read the data as it is now, since only stage
/// history, activities and the audit log remember the past), with the reasons written in English ("en") or Spanish ("es").
/// <paramref name="Only"/> limits it to one kind of finding (a question that lists stalled deals); null finds every kind.
/// </summary>
public sealed record AlertScanRequest(DateOnly? AsOf = null, string Language = "en", AlertKind? Only = null);
