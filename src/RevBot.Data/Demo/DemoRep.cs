namespace RevBot.Data.Demo;

/// <summary>A sales rep as the generator sees them: where they sell and how much better or worse than average they close.</summary>
internal sealed record DemoRep(int UserId, int Region, double WinFactor);
