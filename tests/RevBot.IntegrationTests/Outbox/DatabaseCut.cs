using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// A TCP proxy on 127.0.0.1:0 in front of the test PostgreSQL server that the test can cut and restore: cut closes
/// every open connection and refuses new ones (as a database that went away), restore lets them through again. The
/// shared server itself is never touched.
/// </summary>
internal sealed class DatabaseCut : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _server;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    private DatabaseCut(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _server = new DnsEndPoint(builder.Host!, builder.Port);
        _listener.Start();
        var proxied = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
            // No pool: a pooled connection the cut closed would fail its next command after the restore.
            Pooling = false, Timeout = 3,
        };
        ConnectionString = proxied.ConnectionString;
        _ = AcceptAsync();
    }

    public string ConnectionString { get; }

    public static DatabaseCut Start(string connectionString) => new(connectionString);

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_cut)
            {
                client.Dispose();
                continue;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_server.Host, _server.Port, _stop.Token);
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream(), _stop.Token), server.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, stopping, or one side closed: the connection ends here.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
