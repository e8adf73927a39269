using System.CommandLine;
using System.CommandLine.Invocation;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;

namespace RevBot.Host.Cli;

/// <summary>
/// One sentence for every failure a person can fix (the database is not there, refuses the login, is not migrated; a
/// setting is wrong; a file cannot be written), the same for every command: each command's action is wrapped here,
/// once, when the command line is built. Anything else is a bug and keeps System.CommandLine's full report.
/// </summary>
internal static class CliFailures
{
    /// <summary>The exit code of a described failure; a bad setting is a usage error (2), as a bad option is.</summary>
    public static int ExitCode(Exception failure) => Settings(failure) ? 2 : 1;

    private static bool Settings(Exception failure) =>
        failure is OptionsValidationException || IsBinding(failure) || failure.InnerException is { } inner && Settings(inner);

    // The configuration binder's "Failed to convert configuration value at 'Company:FiscalYearStartMonth' to type 'System.Int32'."
    private static bool IsBinding(Exception e) =>
        e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    public static void WrapEveryAction(Command root)
    {
        var wrapped = new Dictionary<CommandLineAction, CommandLineAction>();
        void Wrap(Command command)
        {
            if (command.Action is AsynchronousCommandLineAction action)
            {
                if (!wrapped.TryGetValue(action, out var sentence)) wrapped[action] = sentence = new SentenceOnFailure(action);
                command.Action = sentence;
            }
            foreach (var sub in command.Subcommands) Wrap(sub);
        }
        Wrap(root);
    }

    /// <summary>The sentence for <paramref name="failure"/> (or the first exception inside it that has one), or null for a bug.</summary>
    public static string? Describe(Exception failure, DbTarget? target)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (DescribeOne(e, target) is { } sentence) return sentence;
        }
        return null;
    }

    private static string? DescribeOne(Exception e, DbTarget? target) => e switch
    {
        OptionsValidationException o => $"invalid setting: {o.Failures.FirstOrDefault() ?? o.Message}",
        _ when IsBinding(e) => $"invalid setting: {e.Message}",
        StartupException s => s.Message,
        PostgresException p => Postgres(p, target),
        NpgsqlException n when n.InnerException is SocketException or IOException or TimeoutException =>
            $"cannot reach PostgreSQL ({n.Message}: {n.InnerException.Message}); check that the server is running and that Host and Port in the connection string (--db, Database:Target or REVBOT_DB) are right.",
        SqliteException s => Sqlite(s, target),
        UnauthorizedAccessException or IOException => $"{e.Message} Nothing more was written.",
        _ => null,
    };

    private static string? Postgres(PostgresException p, DbTarget? target) => p.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword => $"PostgreSQL refused the password ({p.MessageText}); check Password in the connection string (--db, Database:Target or REVBOT_DB).",
        PostgresErrorCodes.InvalidAuthorizationSpecification => $"PostgreSQL refused the login ({p.MessageText}); check Username in the connection string and the server's pg_hba.conf.",
        PostgresErrorCodes.InvalidCatalogName => $"PostgreSQL has no such database ({p.MessageText}); create it, then run `revbot db migrate`.",
        PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction =>
            $"{Name(target)} is missing part of RevBot's schema ({p.MessageText}); run `revbot db migrate`.",
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow =>
            $"PostgreSQL is shutting down or starting up ({p.MessageText}); try again when it is up.",
        PostgresErrorCodes.TooManyConnections => $"PostgreSQL has no free connection ({p.MessageText}); try again later.",
        _ => null,
    };

    private static string? Sqlite(SqliteException s, DbTarget? target) => s.SqliteErrorCode switch
    {
        14 => $"cannot open the SQLite file {Name(target)} ({s.Message}); check that its folder exists and that you may write to it.",
        26 => $"{Name(target)} is not an SQLite database; give --db a RevBot database file.",
        8 => $"the SQLite file {Name(target)} is read-only; RevBot needs to write to it.",
        5 or 6 => $"the SQLite file {Name(target)} is locked by another program; try again when it has finished.",
        11 => $"the SQLite file {Name(target)} is damaged ({s.Message}); restore it from a copy or `revbot export`.",
        1 when s.Message.Contains("no such", StringComparison.Ordinal) => $"{Name(target)} is missing part of RevBot's schema ({s.Message}); run `revbot db migrate`.",
        _ => null,
    };

    private static string Name(DbTarget? target) => target?.ToString() ?? "the database";

    /// <summary>Runs a command; a failure <see cref="Describe"/> knows becomes its sentence on standard error and a non-zero exit.</summary>
    private sealed class SentenceOnFailure(AsynchronousCommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.InvokeAsync(parseResult, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Describe(ex, TargetResolver.Quiet(parseResult)) is { } sentence)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"revbot: {sentence}");
                return ExitCode(ex);
            }
        }
    }
}
