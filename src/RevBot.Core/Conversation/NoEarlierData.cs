using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>A comparison left out because its period starts before the company's first data (<paramref name="DataStarts"/>; null when there is none).</summary>
public sealed record NoEarlierData(Period Period, DateOnly? DataStarts);
