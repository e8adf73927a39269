using RevBot.Core.Domain;

namespace RevBot.Core.Watches;

/// <summary>
/// A watch set by a sentence ("tell me when Q4 pipeline coverage drops below 3x"): whose it is, where it is told, what
/// it watches (<see cref="Spec"/>, the reader's structure as JSON, and <see cref="Question"/>, read again at each
/// check) and where it stands. A threshold watch is <see cref="WatchState.Armed"/> until its value crosses the line
/// (it fires once), then <see cref="WatchState.Fired"/> until the value is back past the line by the hysteresis.
/// </summary>
public sealed class Watch
{
    public long Id { get; set; }

    /// <summary>The RevBot user who set it: told in a direct message, or the one who may stop it.</summary>
    public int OwnerUserId { get; set; }

    public ChatPlatform Platform { get; set; }

    /// <summary>The channel told; empty for a direct message to the owner.</summary>
    public string ChannelId { get; set; } = "";

    /// <summary>The owner's language when it was set ("en", "es"): its messages are written in it.</summary>
    public string Language { get; set; } = "en";

    /// <summary>"threshold", "deal_stage" or "deal_pushed".</summary>
    public required string Kind { get; set; }

    /// <summary>The question watched, as typed ("Q4 pipeline coverage"): read again at each check.</summary>
    public required string Question { get; set; }

    /// <summary>The sentence as typed, shown by "my watches".</summary>
    public required string Text { get; set; }

    /// <summary>The <see cref="Answers.WatchRequest"/> as JSON: metric, filters, period rule, comparator, threshold, target.</summary>
    public required string Spec { get; set; }

    public WatchState State { get; set; } = WatchState.Armed;

    /// <summary>The value at the last check (threshold watches).</summary>
    public decimal? LastValue { get; set; }

    /// <summary>For "changes by more than": the value a change is measured from (the value when it last fired, or when first checked).</summary>
    public decimal? Baseline { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StoppedAt { get; set; }
    public DateTime? SnoozedUntil { get; set; }

    /// <summary>When it is checked next; moved to "now" by a sync or an alert scan that finished after its last check.</summary>
    public DateTime NextCheckAt { get; set; }
    public DateTime? CheckedAt { get; set; }
    public DateTime? FiredAt { get; set; }

    /// <summary>Deal watches: events after this moment are still to tell.</summary>
    public DateTime? EventsSince { get; set; }

    /// <summary>The last check's failure, kept until a check succeeds.</summary>
    public string? LastError { get; set; }
    public int Failures { get; set; }
}

public enum WatchState
{
    Armed,
    Fired,
}
