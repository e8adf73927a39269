namespace RevBot.Core.Conversation;

/// <summary>What a list question ranks: deals (top 10 open deals) or groups of a dimension (top 5 reps by bookings).</summary>
public enum ListSubject
{
    Deals,
    Groups,
}
