using System.Globalization;

namespace Enterprise.ClusterTests.Infrastructure;

/// <summary>One instance of the cluster: its own address (bypassing the balancer) and its process.</summary>
public sealed record ClusterInstance(int Number, Uri Url, int ProcessId)
{
    /// <summary>How nginx's access log names the instance (<c>$upstream_addr</c>).</summary>
    public string UpstreamAddress => $"{Url.Host}:{Url.Port}";
}

/// <summary>
/// The cluster this run tests, read from the state file <c>scripts/cluster.sh up</c> writes (<c>DIR/cluster.env</c>, one
/// <c>NAME='value'</c> a line), named by <see cref="Variable"/>. Without it the suite is ignored, or fails under <c>CI=true</c>.
/// </summary>
public sealed class ClusterState
{
    public const string Variable = "ENTERPRISE_TEST_CLUSTER";

    private readonly Dictionary<string, string> _values;

    private ClusterState(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
        Instances = [.. Enumerable.Range(1, int.Parse(Value("INSTANCE_COUNT"), CultureInfo.InvariantCulture)).Select(number => new ClusterInstance(
            number,
            new Uri(Value($"INSTANCE_{number}_URL")),
            int.Parse(Value($"INSTANCE_{number}_PID"), CultureInfo.InvariantCulture)))];
    }

    public string Path { get; }

    public Uri Balancer => new(Value("BALANCER_URL"));

    /// <summary>nginx's access log: time, method, URI, status, the instance that answered and its status, User-Agent.</summary>
    public string BalancerAccessLog => Value("BALANCER_ACCESS_LOG");

    public IReadOnlyList<ClusterInstance> Instances { get; }

    public string PostgresConnectionString => Value("POSTGRES_CONNECTION_STRING");

    public string JwtIssuer => Value("JWT_ISSUER");

    public string JwtAudience => Value("JWT_AUDIENCE");

    public string JwtSigningKey => Value("JWT_SIGNING_KEY");

    /// <summary>The writes one caller may send, shared by every instance, not refilled within a run.</summary>
    public int WriteBudget => int.Parse(Value("WRITE_BUDGET"), CultureInfo.InvariantCulture);

    public string ClusterScript => Value("CLUSTER_SCRIPT");

    public string StateDirectory => Value("STATE_DIR");

    /// <summary>The cluster's state; otherwise ignores the calling fixture, or fails it on CI.</summary>
    public static ClusterState Require()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path)
        {
            return Read(path);
        }

        var reason = $"{Variable} is not set, so there is no cluster to test (scripts/cluster.sh up 2 starts one and writes its state file; ./scripts/test.sh does both)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"The cluster suite is required on CI: {reason}.");
        }

        Assert.Ignore($"Cluster suite skipped: {reason}.");
        return null!;
    }

    /// <summary>The state file as it is now (a restarted instance has a new process id).</summary>
    public ClusterState Reload() => Read(Path);

    private static ClusterState Read(string path)
    {
        Assert.That(File.Exists(path), Is.True, $"{Variable} names {path}, which does not exist: is the cluster up?");
        var values = File.ReadAllLines(path)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''), StringComparer.Ordinal);
        return new ClusterState(path, values);
    }

    private string Value(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The cluster state file {Path} has no {name}.");
}
