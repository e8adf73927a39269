namespace RevBot.Data.Demo;

internal sealed record DemoProduct(string Name, double Weight, double PriceFactor);
