namespace RevBot.Host.Hosting;

/// <summary>The configuration keys of section <c>Database</c>, read before the container is built.</summary>
internal static class HostSettings
{
    public const string DatabaseTargetKey = "Database:Target";
    public const string MigrateOnStartKey = "Database:MigrateOnStart";
    public const string SeedDemoKey = "Database:SeedDemoData";
    public const string DemoScaleKey = "Database:DemoScale";
    public const string DefaultUrl = "http://127.0.0.1:5080";
}
