using System.CommandLine;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>Resolves <c>--db</c>, then <c>REVBOT_DB</c>; null means "not given".</summary>
internal static class TargetResolver
{
    public static string? Raw(ParseResult parse) =>
        parse.GetValue(CommonOptions.Db) ?? NullIfEmpty(Environment.GetEnvironmentVariable(DbTarget.EnvironmentVariable));

    /// <summary>For the data commands: a target is needed; the embedded default is used when none is given.</summary>
    public static bool TryResolve(ParseResult parse, out DbTarget target)
    {
        var raw = Raw(parse);
        if (raw is null)
        {
            target = DbTarget.DefaultSqlite();
            return true;
        }
        if (DbTarget.TryParse(raw, out var parsed, out var error))
        {
            target = parsed!;
            return true;
        }
        Console.Error.WriteLine($"revbot: {error}.");
        target = null!;
        return false;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
