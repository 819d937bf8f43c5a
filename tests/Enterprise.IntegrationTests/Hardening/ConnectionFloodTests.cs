using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>
/// With <c>ulimit -n 1024</c>, thousands of connections once made Kestrel abort the process ("Out of memory.")
/// when descriptors ran out. The default connection cap, read from the descriptor limit at start, keeps the
/// process alive: it turns the excess away and serves again as soon as the flood ends.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class ConnectionFloodTests
{
    private const int FileDescriptorLimit = 1024;
    private const int FloodConnections = 3000;
    private const int ConnectionsOpenedAtOnce = 200;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] PartialRequest = Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");

    private ProductionProcess _process = null!;

    [OneTimeSetUp]
    public async Task StartApplication() => _process = await ProductionProcess.StartAsync(FileDescriptorLimit);

    [OneTimeTearDown]
    public void StopApplication() => _process?.Dispose();

    [Test]
    public void The_default_cap_stays_below_the_descriptor_limit_and_is_logged() =>
        Assert.Multiple(() =>
        {
            Assert.That(_process.LoggedLimit("FileDescriptorLimit"), Is.EqualTo(FileDescriptorLimit));
            Assert.That(
                _process.LoggedLimit("MaxConcurrentConnections"),
                Is.EqualTo(FileDescriptorLimit - _process.LoggedLimit("OpenFileDescriptors") - 256).And.GreaterThanOrEqualTo(64));
        });

    [Test]
    public async Task Below_the_cap_the_server_answers_while_idle_connections_stay_open()
    {
        var belowCap = (int)_process.LoggedLimit("MaxConcurrentConnections")!.Value - 64;
        var idle = await OpenConnectionsAsync(belowCap);
        try
        {
            var status = await HealthStatusAsync();
            await TestContext.Out.WriteLineAsync($"{idle.Count} idle connections open: /health/live {status}, {OpenDescriptors()} descriptors open");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            Close(idle);
        }
    }

    [Test]
    public async Task A_flood_beyond_the_descriptor_limit_is_turned_away_and_the_server_survives_it()
    {
        var flood = await OpenConnectionsAsync(FloodConnections);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var turnedAway = flood.Count(IsClosedByServer);
            var statusDuringFlood = await HealthStatusAsync();
            await TestContext.Out.WriteLineAsync(
                $"{flood.Count} of {FloodConnections} connections made, {turnedAway} closed by the server; " +
                $"{OpenDescriptors()} descriptors open; /health/live during the flood: {statusDuringFlood?.ToString() ?? "no answer"}");
            Assert.That(HasExited(), Is.False, () => $"the process must survive the flood; its last output:\n{Tail(_process.App.Output + _process.App.Error)}");
        }
        finally
        {
            Close(flood);
        }

        var recovered = await WaitForHealthAsync();
        var rejectionsLogged = _process.App.Output.Split("rejected because the maximum number of concurrent connections").Length - 1;
        await TestContext.Out.WriteLineAsync($"after the flood: /health/live 200 after {recovered.TotalSeconds:0.0} s; {rejectionsLogged} rejections logged");
        Assert.Multiple(() =>
        {
            Assert.That(HasExited(), Is.False);
            Assert.That(_process.App.Output + _process.App.Error, Does.Not.Contain("Out of memory"));
        });
    }

    /// <summary>Opens up to <paramref name="count"/> connections, in batches; half send a partial request, half nothing.</summary>
    private async Task<List<Socket>> OpenConnectionsAsync(int count)
    {
        var sockets = new List<Socket>(count);
        for (var opened = 0; opened < count; opened += ConnectionsOpenedAtOnce)
        {
            var batch = Enumerable.Range(opened, Math.Min(ConnectionsOpenedAtOnce, count - opened)).Select(ConnectAsync);
            sockets.AddRange((await Task.WhenAll(batch)).OfType<Socket>());
        }

        return sockets;
    }

    private async Task<Socket?> ConnectAsync(int index)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await socket.ConnectAsync(IPAddress.Loopback, _process.Port, timeout.Token);
            if (index % 2 == 0)
            {
                await socket.SendAsync(PartialRequest, timeout.Token);
            }

            return socket;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Readable with nothing to read: the server closed the connection.</summary>
    private static bool IsClosedByServer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static void Close(List<Socket> sockets)
    {
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    private async Task<HttpStatusCode?> HealthStatusAsync()
    {
        using var client = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync("/health/live");
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task<TimeSpan> WaitForHealthAsync()
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < RecoveryTimeout)
        {
            if (await HealthStatusAsync() == HttpStatusCode.OK)
            {
                return DateTime.UtcNow - started;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/health/live did not answer 200 within {RecoveryTimeout.TotalSeconds} s of the flood ending. {_process.App.Error}");
        return RecoveryTimeout;
    }

    private bool HasExited() => !Directory.Exists($"/proc/{_process.App.Id}");

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    private int OpenDescriptors()
    {
        try
        {
            return Directory.GetFiles($"/proc/{_process.App.Id}/fd").Length;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
