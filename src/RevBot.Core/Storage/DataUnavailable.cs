using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Storage;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, network cut) from a bug, so a person is told the truth
/// ("I can't reach the revenue data right now") instead of a generic apology, and never a number. Only connection
/// failures count: a constraint violation, a syntax error or a bad value is a bug, and stays one.
/// </summary>
public static class DataUnavailable
{
    /// <summary>How long an HTTP client is asked to wait (<c>Retry-After</c>): a PostgreSQL restart or fail-over takes seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// True when the exception, or one inside it (EF wraps the provider's), is a provider error that means the
    /// connection: a socket, I/O or timeout failure under it, PostgreSQL refusing or ending connections, or SQLite
    /// finding its file locked or unreadable. A socket error outside any database error (Slack's API, say) is not one.
    /// </summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException db && IsConnectionFailure(db)) return true;
        return false;
    }

    /// <summary>
    /// What to log for an unreachable database: the provider's own exception and message ("SqliteException: SQLite
    /// Error 5: 'database is locked'.", "NpgsqlException: Failed to connect to 10.0.0.5:5432"), not EF's wrapper, so the
    /// log says which condition it was. Provider messages carry no credentials.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception;
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException) cause = e;
        return $"{cause.GetType().Name}: {cause.Message}";
    }

    /// <summary>
    /// How loudly background work logs a failed round: an unreachable database is a condition (readiness already says
    /// so, and the round is retried), so a warning; anything else is a fault, so an error.
    /// </summary>
    public static LogLevel LevelFor(Exception exception) => Is(exception) ? LogLevel.Warning : LogLevel.Error;

    private static bool IsConnectionFailure(DbException e) => e.SqlState switch
    {
        // PostgreSQL's own refusals: connection exceptions (08…), shutting down or starting up (57P01–57P03), full.
        { } state => state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300",
        // No server answer at all: the provider failed on the wire (refused, reset, timed out) or SQLite on its file.
        // Not IsTransient: PostgreSQL calls a serialization failure or a deadlock transient too, and those are answers.
        null => HasWireFailure(e.InnerException) || IsSqliteFileFailure(e),
    };

    private static bool HasWireFailure(Exception? inner) => inner is SocketException or IOException or TimeoutException;

    /// <summary>
    /// SQLite's result code (its exception's public SqliteErrorCode; Core does not reference the provider): busy (5),
    /// locked (6), I/O error (10), can't open (14). A constraint (19) or a syntax error (1) is a bug.
    /// </summary>
    private static bool IsSqliteFileFailure(DbException e) =>
        e.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException"
        && e.GetType().GetProperty("SqliteErrorCode")?.GetValue(e) is 5 or 6 or 10 or 14;

    /// <summary>For a question: no number without the data.</summary>
    public static Reply Reply(string? language) => new()
    {
        Kind = ReplyKind.Error,
        Title = Texts.Get(language, nameof(Catalog.DataUnavailableTitle)),
        Text = Texts.Get(language, nameof(Catalog.DataUnavailableText)),
    };

    /// <summary>For a button press or a form (which may have meant a change): says that nothing was changed.</summary>
    public static Reply NothingChanged(string? language) =>
        Reply(language) with { Text = Texts.Get(language, nameof(Catalog.DataUnavailableNothingChanged)) };
}
