namespace RevBot.Core.Domain;

/// <summary>
/// One row of a deal's amount and close-date history: from <see cref="At"/> on, the deal was worth <see cref="Amount"/>
/// and expected to close on <see cref="CloseDate"/>. Written by a database trigger whenever a deal is inserted or its
/// amount or close date changes (whoever writes: the deal command path, imports, syncs), at the database's clock; the
/// demo writes its own past. The forecast reads it for "pushed before" and, in the backtest, for amounts and close
/// dates as they were at a checkpoint.
/// </summary>
public sealed class DealHistoryEntry
{
    public long Id { get; set; }
    public required string DealId { get; set; }
    public DateTime At { get; set; }
    public decimal Amount { get; set; }
    public DateOnly? CloseDate { get; set; }

    /// <summary>How many times, up to and including this row, the close date moved later ("pushed").</summary>
    public int Pushes { get; set; }
}
