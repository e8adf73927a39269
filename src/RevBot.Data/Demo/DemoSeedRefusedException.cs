namespace RevBot.Data.Demo;

/// <summary>The target already holds revenue data, which the seeder never mixes with or overwrites.</summary>
public sealed class DemoSeedRefusedException : InvalidOperationException
{
    public DemoSeedRefusedException()
    {
    }

    public DemoSeedRefusedException(string message) : base(message)
    {
    }

    public DemoSeedRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
