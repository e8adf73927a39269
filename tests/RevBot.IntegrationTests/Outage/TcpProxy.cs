using System.Net;
using System.Net.Sockets;

namespace RevBot.IntegrationTests.Outage;

/// <summary>
/// A loopback TCP proxy the test owns, put between the host and PostgreSQL: <see cref="Cut"/> resets every live
/// connection and resets each new one as soon as it is accepted (the database "is gone"), <see cref="Restore"/>
/// forwards again. The shared cluster itself is never touched.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Socket> _live = [];
    private readonly Task _accepting;
    private bool _cut;
    private int _refused;

    private TcpProxy(string host, int port)
    {
        _target = new DnsEndPoint(host, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections reset on arrival while cut: proof the host really tried to reach the database.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static TcpProxy Start(string host, int port) => new(host, port);

    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var socket in _live) Reset(socket);
            _live.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate) _cut = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = LinkAsync(client);
        }
    }

    private async Task LinkAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!Track(client)) return;
            await server.ConnectAsync(_target, _stop.Token);
            if (!Track(server)) return;
            // Either direction ending (or failing) ends both: a half-open pair would hang the client.
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception)
        {
            // The peer went away or the link was cut: both ends are closed below.
        }
        finally
        {
            lock (_gate)
            {
                _live.Remove(client);
                _live.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    /// <summary>Registers a live socket, or resets it at once when the proxy is cut.</summary>
    private bool Track(Socket socket)
    {
        lock (_gate)
        {
            if (!_cut) return _live.Add(socket);
        }
        Interlocked.Increment(ref _refused);
        Reset(socket);
        return false;
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
    }

    /// <summary>Closes with RST (linger 0): the peer sees "connection reset" at once, as when a server dies.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut();
        _stop.Dispose();
    }
}
