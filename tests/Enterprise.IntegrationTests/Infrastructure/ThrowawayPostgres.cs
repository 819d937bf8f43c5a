using Npgsql;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own, started and stopped with <c>scripts/postgres.sh</c> (as the test
/// script does for the shared one), for tests that take the server away.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    public const string ScriptVariable = "ENTERPRISE_TEST_POSTGRES_SCRIPT";

    private readonly string _script;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"pg-{Guid.NewGuid():N}");
    private readonly int _port = LocalPorts.Free();

    private ThrowawayPostgres(string script) => _script = script;

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
        Timeout = 3,
    }.ConnectionString;

    /// <summary>Starts a new server; skips the test locally, or fails it on CI, when the script is not available.</summary>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var script = Environment.GetEnvironmentVariable(ScriptVariable);
        if (string.IsNullOrEmpty(script))
        {
            var reason = $"{ScriptVariable} is not set, so this test cannot start a PostgreSQL server of its own (./scripts/test.sh sets it)";
            if (TestServers.IsCi)
            {
                Assert.Fail($"PostgreSQL is required on CI: {reason}.");
            }

            Assert.Ignore($"PostgreSQL outage test skipped: {reason}.");
        }

        var server = new ThrowawayPostgres(script!);
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() => ServerScript.RunAsync(_script, "start", _directory, _port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopServerAsync() => ServerScript.RunAsync(_script, "stop", _directory);

    public void Dispose()
    {
        StopServerAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }
}
