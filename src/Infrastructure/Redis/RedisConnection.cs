using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Enterprise.Infrastructure.Redis;

/// <summary>
/// The process's one connection to Redis, shared by the query cache and the rate limiter, when
/// <see cref="ConnectionStringSetting"/> is set; without it, neither uses Redis.
/// </summary>
public static class RedisConnection
{
    public const string ConnectionStringSetting = "Redis:ConnectionString";

    /// <summary>The configured StackExchange.Redis configuration string; <see langword="null"/> when Redis is not used.</summary>
    public static string? ConnectionStringFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConnectionStringSetting] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Registers the multiplexer; it connects when first resolved, and the container disposes it at shutdown.</summary>
    internal static IServiceCollection AddRedisConnection(this IServiceCollection services, string connectionString) =>
        services.AddSingleton<IConnectionMultiplexer>(_ => Connect(connectionString));

    /// <summary>
    /// An unreachable Redis must not stop the start (the multiplexer keeps reconnecting in the background),
    /// nor hold requests while it is down: commands fail fast, and each user goes on without Redis.
    /// </summary>
    private static ConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    }
}
