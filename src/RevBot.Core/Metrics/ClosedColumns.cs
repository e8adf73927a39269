namespace RevBot.Core.Metrics;

/// <summary>
/// How much of <see cref="ClosedStats"/> a metric needs. Fewer columns let PostgreSQL answer from the covering
/// (status, closed_at) INCLUDE (amount, account_id, owner_id) index alone; what is not asked for comes back as 0.
/// </summary>
internal enum ClosedColumns
{
    /// <summary>Won and lost counts (win rate, deals won/lost).</summary>
    Counts,

    /// <summary>Counts and amounts (bookings, deal size, forecast, attainment).</summary>
    Amounts,

    /// <summary>Counts, amounts and sales-cycle time, which needs created_at from the table (sales cycle, velocity).</summary>
    All,
}
