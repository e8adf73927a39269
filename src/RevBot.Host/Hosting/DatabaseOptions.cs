using RevBot.Core.Settings;

namespace RevBot.Host.Hosting;

/// <summary>Section <c>Database</c>. The target itself is resolved before the container is built (see <see cref="RevBotServer"/>).</summary>
internal sealed class DatabaseOptions : ICheckedOptions
{
    public const string Section = "Database";

    public string? Target { get; set; }

    /// <summary>A PostgreSQL read replica the questions' statements read from (resolved with the target, RevBotServer).</summary>
    public string? QuestionReplica { get; set; }

    /// <summary>Apply migrations at start. Always on for SQLite targets, which are files this host owns.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Seed a demo company into an empty SQLite database at start. Never done on PostgreSQL.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Size of the seeded demo company: 1 is ~12,000 deals.</summary>
    public double DemoScale { get; set; } = 1;

    public IEnumerable<string> Problems()
    {
        if (DemoScale is not (> 0 and <= 1000)) yield return "Database:DemoScale must be a number above 0 and at most 1000.";
    }
}
