namespace RevBot.Data.Demo;

/// <summary>A sales region; <see cref="WorkStartUtcHour"/> puts activities inside its working day.</summary>
internal sealed record DemoRegion(string Name, double Weight, int WorkStartUtcHour, string[] TimeZones, string[] Countries);
