using System.CommandLine;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;

namespace RevBot.Host.Cli;

/// <summary>The database a command works on: <c>--db</c>, else the <c>Database:Target</c> setting, else <c>REVBOT_DB</c> (as the host reads them); null means "not given".</summary>
internal static class TargetResolver
{
    public static string? Raw(ParseResult parse) =>
        NullIfEmpty(parse.GetValue(CommonOptions.Db))
        ?? NullIfEmpty(RevBotConfiguration.ForCommand()[HostSettings.DatabaseTargetKey])
        ?? NullIfEmpty(Environment.GetEnvironmentVariable(DbTarget.EnvironmentVariable));

    /// <summary>For the data commands: a target is needed; the embedded default is used when none is given.</summary>
    public static bool TryResolve(ParseResult parse, out DbTarget target)
    {
        if (TryResolve(Raw(parse), out target, out var error)) return true;
        parse.InvocationConfiguration.Error.WriteLine($"revbot: {error}.");
        return false;
    }

    /// <summary>The target, if there is a valid one, for naming it in a message.</summary>
    public static DbTarget? Quiet(ParseResult parse) => TryResolve(Raw(parse), out var target, out _) ? target : null;

    private static bool TryResolve(string? raw, out DbTarget target, out string? error)
    {
        error = null;
        if (raw is null)
        {
            target = DbTarget.DefaultSqlite();
            return true;
        }
        var ok = DbTarget.TryParse(raw, out var parsed, out error);
        target = parsed!;
        return ok;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
