namespace RevBot.Core.Alerts.Feeds;

/// <summary>
/// What a digest shows of a finding: its subject, score and reasons in one line. The digests' shared scan keeps these
/// (<see cref="AlertFindingsCache"/>), not the findings: on a large company the findings' reasons as data
/// (<see cref="AlertWords"/>) and recipients were about 110 MB of the 10 minutes the scan is kept (scale 100, 83,220
/// findings), the lines about 11 MB (measured the same way).
/// </summary>
public sealed record AlertDigestLine(AlertKind Kind, string SubjectId, string SubjectName, int? Score, string Summary)
{
    public static AlertDigestLine Of(AlertFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Kind, finding.SubjectId, finding.SubjectName, finding.Score, finding.Summary);
    }
}
