using Npgsql;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The database servers this run may use, from environment variables that <c>scripts/test.sh</c> sets
/// after starting them. A missing server skips its suite locally and fails it under <c>CI=true</c>.
/// </summary>
public static class TestServers
{
    /// <summary>A connection string to a PostgreSQL server whose role may create databases.</summary>
    public const string PostgresVariable = "ENTERPRISE_TEST_POSTGRES";

    /// <summary>
    /// A connection string to a SQL Server whose login may create databases. Optional: when it is set, every
    /// fixture also runs on SQL Server; when it is not, no SQL Server fixture exists (none can run here).
    /// </summary>
    public const string SqlServerVariable = "ENTERPRISE_TEST_SQLSERVER";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port</c>) of a Redis server the tests may write to.</summary>
    public const string RedisVariable = "ENTERPRISE_TEST_REDIS";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    public static string PostgresMissingReason =>
        $"{PostgresVariable} is not set, so there is no PostgreSQL server for this run (./scripts/test.sh starts a throwaway one)";

    /// <summary>The server's connection string; otherwise ignores the calling fixture, or fails it on CI.</summary>
    public static string RequirePostgres()
    {
        if (PostgresConnectionString is { } connectionString)
        {
            return connectionString;
        }

        if (IsCi)
        {
            Assert.Fail($"PostgreSQL is required on CI: {PostgresMissingReason}.");
        }

        Assert.Ignore($"PostgreSQL suite skipped: {PostgresMissingReason}.");
        return string.Empty;
    }

    public static string? RedisConnectionString => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The Redis server's configuration string; otherwise ignores the calling test, or fails it on CI.</summary>
    public static string RequireRedis() => RequireServer("Redis", RedisVariable, RedisConnectionString);

    /// <summary>An AMQP URI (<c>amqp://guest:guest@127.0.0.1:PORT/</c>) of a RabbitMQ broker the tests may declare and publish on.</summary>
    public const string RabbitMqVariable = "ENTERPRISE_TEST_RABBITMQ";

    public static string? RabbitMqConnectionString => Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The RabbitMQ broker's AMQP URI; otherwise ignores the calling test, or fails it on CI.</summary>
    public static string RequireRabbitMq() => RequireServer("RabbitMQ", RabbitMqVariable, RabbitMqConnectionString);

    private static string RequireServer(string server, string variable, string? connectionString)
    {
        if (connectionString is not null)
        {
            return connectionString;
        }

        var reason = $"{variable} is not set, so there is no {server} server for this run (./scripts/test.sh starts a throwaway one)";
        if (IsCi)
        {
            Assert.Fail($"{server} is required on CI: {reason}.");
        }

        Assert.Ignore($"{server} test skipped: {reason}.");
        return string.Empty;
    }

    public static NpgsqlConnectionStringBuilder PostgresDatabase(string serverConnectionString, string database) =>
        new(serverConnectionString) { Database = database };
}
