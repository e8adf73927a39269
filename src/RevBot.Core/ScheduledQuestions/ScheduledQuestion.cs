using RevBot.Core.Domain;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>
/// A question on a schedule (<c>scheduled_questions</c>). Its timing is a <c>digest_schedules</c> row of kind
/// "question" (<see cref="ScheduleId"/>: cron, time zone, language, skip-if-empty, active), so it rides the digest
/// scheduler's claims; this row says what is asked, for whom, where it goes, and what was last sent.
/// </summary>
public sealed class ScheduledQuestion
{
    public long Id { get; set; }

    public long ScheduleId { get; set; }

    /// <summary>The question as typed ("my pipeline by stage"), asked afresh at each run.</summary>
    public required string Question { get; set; }

    /// <summary>Whose question it is: "my" and "my team" are read as this RevBot user's e-mail at each run; null when unknown.</summary>
    public string? AskedBy { get; set; }

    public required ChatPlatform Platform { get; set; }

    /// <summary>The channel it is posted in; empty for a direct message (<see cref="RecipientUserId"/>).</summary>
    public required string ChannelId { get; set; }

    /// <summary>For a direct message: the RevBot user it goes to.</summary>
    public int? RecipientUserId { get; set; }

    public bool OnlyIfChanged { get; set; }

    /// <summary>SHA-256 (hex) of the data of the last answer sent (<see cref="AnswerFingerprint"/>): "only if it changed" compares with it.</summary>
    public string? LastAnswerHash { get; set; }

    public DateTime? LastSentAt { get; set; }
}
