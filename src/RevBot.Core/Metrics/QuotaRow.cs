namespace RevBot.Core.Metrics;

/// <summary>Quota amounts of one group for one quota period; <see cref="IsCompany"/> for the company-wide target (no owner).</summary>
internal sealed record QuotaRow(bool IsCompany, GroupKey Key, DateOnly Start, DateOnly End, decimal Amount)
{
    /// <summary>
    /// The quota for a period: the quotas lying inside it, summed (a year asks for its four quarters); when none lies
    /// inside, the quotas overlapping it prorated by days (a month takes its share of the quarter); else null.
    /// </summary>
    public static decimal? For(IEnumerable<QuotaRow> rows, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var inside = list.Where(r => r.Start >= start && r.End <= end).ToList();
        if (inside.Count > 0) return inside.Sum(r => r.Amount);
        if (list.Count == 0) return null;
        return list.Sum(r =>
        {
            var from = r.Start > start ? r.Start : start;
            var to = r.End < end ? r.End : end;
            var overlap = to.DayNumber - from.DayNumber + 1;
            var days = r.End.DayNumber - r.Start.DayNumber + 1;
            return overlap <= 0 || days <= 0 ? 0m : r.Amount * overlap / days;
        });
    }
}
