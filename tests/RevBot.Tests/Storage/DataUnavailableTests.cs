using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

/// <summary>
/// A database that cannot be reached is told apart from a bug, however deep the provider wrapped it. The exceptions are
/// the providers' own, produced by real connections: a closed port, a server that never answers, a backend ended under
/// a session, a locked or missing SQLite file; against a constraint violation and a syntax error, which are bugs.
/// </summary>
public sealed class DataUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_connection_is_an_outage_even_wrapped()
    {
        var port = ClosedPort();
        var ex = await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync($"Host=127.0.0.1;Port={port};Username=x;Password=x;Pooling=false;Timeout=5"));
        Assert.True(DataUnavailable.Is(ex), ex.ToString());
        Assert.True(DataUnavailable.Is(new InvalidOperationException("EF's wrapper", ex)));
    }

    [Fact]
    public async Task A_server_that_never_answers_the_handshake_is_an_outage()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var ex = await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync($"Host=127.0.0.1;Port={port};Username=x;Password=x;Pooling=false;Timeout=1"));
        Assert.True(DataUnavailable.Is(ex), ex.ToString());
    }

    [Fact]
    public async Task A_backend_ended_under_an_open_session_is_an_outage()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var victim = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnection) { Pooling = false }.ConnectionString);
        await victim.OpenAsync(Ct);
        await using (var killer = new NpgsqlConnection(TestDatabase.PostgresConnection))
        {
            await killer.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({victim.ProcessID})", killer);
            Assert.Equal(true, await kill.ExecuteScalarAsync(Ct));
        }
        var ex = await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
        {
            await using var cmd = new NpgsqlCommand("SELECT 1", victim);
            await cmd.ExecuteScalarAsync(Ct);
        });
        Assert.True(DataUnavailable.Is(ex), ex.ToString());
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)", "23505")]
    [InlineData("SELEC 1", "42601")]
    [InlineData("SELECT 1 / 0", "22012")]
    public async Task A_server_that_answers_with_an_error_is_not_an_outage(string sql, string sqlState)
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var conn = new NpgsqlConnection(TestDatabase.PostgresConnection);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync(Ct));
        Assert.Equal(sqlState, ex.SqlState);
        Assert.False(DataUnavailable.Is(ex));
        Assert.False(DataUnavailable.Is(new InvalidOperationException("EF's wrapper", ex)));
    }

    [Fact]
    public async Task A_locked_or_missing_sqlite_file_is_an_outage_and_a_constraint_is_not()
    {
        var path = TestFiles.NewPath("test.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var missing = await Assert.ThrowsAsync<SqliteException>(() => SqliteAsync($"Data Source={path}.missing;Mode=ReadOnly", "SELECT 1"));
            Assert.True(DataUnavailable.Is(missing), $"{missing.SqliteErrorCode}: {missing.Message}");

            var cs = $"Data Source={path};Pooling=false;Default Timeout=1";
            await SqliteAsync(cs, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)");
            var duplicate = await Assert.ThrowsAsync<SqliteException>(() => SqliteAsync(cs, "INSERT INTO t VALUES (1)"));
            Assert.False(DataUnavailable.Is(duplicate), $"{duplicate.SqliteErrorCode}: {duplicate.Message}");

            await using var holder = new SqliteConnection(cs);
            await holder.OpenAsync(Ct);
            await using (var begin = new SqliteCommand("BEGIN EXCLUSIVE", holder)) await begin.ExecuteNonQueryAsync(Ct);
            var locked = await Assert.ThrowsAsync<SqliteException>(() => SqliteAsync(cs, "INSERT INTO t VALUES (2)"));
            Assert.True(DataUnavailable.Is(locked), $"{locked.SqliteErrorCode}: {locked.Message}");
            // The log names the provider's error, not EF's wrapper around it.
            Assert.Equal("SqliteException: SQLite Error 5: 'database is locked'.",
                DataUnavailable.Describe(new InvalidOperationException("EF's wrapper", locked)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
    }

    [Fact]
    public void Socket_and_timeout_errors_outside_a_database_error_are_not_the_database()
    {
        // Slack's or Teams' HTTP client failing is not the revenue data being unreachable.
        Assert.False(DataUnavailable.Is(new HttpRequestException("slack.com", new SocketException(111))));
        Assert.False(DataUnavailable.Is(new TimeoutException("timed out")));
        Assert.False(DataUnavailable.Is(new InvalidOperationException("a bug")));
        Assert.False(DataUnavailable.Is(null));
    }

    [Fact]
    public void The_reply_says_so_in_the_askers_language_and_carries_no_number()
    {
        var en = DataUnavailable.Reply("en");
        var es = DataUnavailable.Reply("es");
        Assert.Equal((ReplyKind.Error, ReplyKind.Error), (en.Kind, es.Kind));
        Assert.StartsWith("I can't reach the revenue data right now", en.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ahora mismo no puedo llegar a los datos", es.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", en.Text + es.Text);
        Assert.Equal(("Can't reach the data", "Sin acceso a los datos"), (en.Title, es.Title));
        Assert.Equal("I can't reach the revenue data right now, so nothing was changed. Please try again in a few minutes.", DataUnavailable.NothingChanged("en").Text);
        Assert.Equal("Ahora mismo no puedo llegar a los datos de ingresos, así que no se ha cambiado nada. Vuelve a intentarlo en unos minutos.", DataUnavailable.NothingChanged("es").Text);
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
    }

    private static async Task SqliteAsync(string connectionString, string sql)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new SqliteCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
