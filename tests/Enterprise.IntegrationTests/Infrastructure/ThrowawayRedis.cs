namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>A Redis server of a test's own (<c>scripts/redis.sh</c>); the shared one is <see cref="TestServers.RedisVariable"/>.</summary>
public sealed class ThrowawayRedis : ThrowawayServer
{
    private ThrowawayRedis()
        : base("redis")
    {
    }

    /// <summary>A StackExchange.Redis configuration string; a short connect timeout keeps an outage from holding the start.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=500";

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
}
