namespace RevBot.Data.Demo;

/// <summary>
/// A PostgreSQL seed whose data is committed but whose second phase (the rollup fills after the commit, the vacuum)
/// stopped: the answers are right, some only slower, until the rollups are registered again (the message says how).
/// </summary>
public sealed class DemoSeedIncompleteException : InvalidOperationException
{
    public DemoSeedIncompleteException()
    {
    }

    public DemoSeedIncompleteException(string message) : base(message)
    {
    }

    public DemoSeedIncompleteException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
