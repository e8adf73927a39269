namespace RevBot.Core.Periods;

/// <summary>A period phrase found in a question: words [Start, Start + Length) mean <see cref="Period"/>.</summary>
public sealed record PeriodMatch(int Start, int Length, Period Period);
