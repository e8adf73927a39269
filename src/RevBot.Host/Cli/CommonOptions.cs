using System.CommandLine;

namespace RevBot.Host.Cli;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database target: sqlite:<path> or a PostgreSQL connection string (Host=...;Database=...;Username=...). Default: the Database:Target setting, else $REVBOT_DB, else the embedded SQLite file.",
        Recursive = true,
    };
}
