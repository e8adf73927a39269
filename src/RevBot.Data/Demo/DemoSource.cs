namespace RevBot.Data.Demo;

/// <summary>Where a deal came from and how much more (or less) often such deals are won.</summary>
internal sealed record DemoSource(string Name, double Weight, double WinFactor);
