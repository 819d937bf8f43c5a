using System.Globalization;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// A Redis server of a test's own, started and stopped with <c>scripts/redis.sh</c>, for tests that take the server away
/// (the shared one, <see cref="TestServers.RedisVariable"/>, must stay up for the other tests).
/// </summary>
public sealed class ThrowawayRedis : IDisposable
{
    private readonly string _script = RepositoryFiles.Path("scripts", "redis.sh");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"redis-{Guid.NewGuid():N}");
    private readonly int _port = LocalPorts.Free();

    private ThrowawayRedis()
    {
    }

    /// <summary>A StackExchange.Redis configuration string; a short connect timeout keeps an outage from holding the start.</summary>
    public string ConnectionString => $"127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)},connectTimeout=500";

    /// <summary>
    /// Starts a new server. Redis is installed when this run has one (<see cref="TestServers.RequireRedis"/>): otherwise
    /// the test is skipped locally, or failed on CI.
    /// </summary>
    public static async Task<ThrowawayRedis> StartAsync()
    {
        TestServers.RequireRedis();
        var server = new ThrowawayRedis();
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() => ServerScript.RunAsync(_script, "start", _directory, _port.ToString(CultureInfo.InvariantCulture));

    public Task StopServerAsync() => ServerScript.RunAsync(_script, "stop", _directory);

    public void Dispose()
    {
        StopServerAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }
}
