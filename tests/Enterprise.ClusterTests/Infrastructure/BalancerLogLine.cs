using System.Globalization;

namespace Enterprise.ClusterTests.Infrastructure;

/// <summary>
/// One request in nginx's access log (format <c>cluster</c> in scripts/cluster.sh): when it ended (Unix seconds), what it
/// was, the status sent to the client, and every instance tried for it with what each answered (a retried read names two).
/// </summary>
public sealed record BalancerLogLine(double EndedAt, string Method, string Uri, int Status, IReadOnlyList<string> Upstreams, string UserAgent)
{
    /// <summary>The instance whose answer the client got: the last one tried.</summary>
    public string AnsweredBy => Upstreams.Count > 0 ? Upstreams[^1] : string.Empty;

    public static IReadOnlyList<BalancerLogLine> Read(string path) =>
        [.. File.ReadAllLines(path).Select(line => line.Split('|')).Where(fields => fields.Length == 7).Select(fields => new BalancerLogLine(
            double.Parse(fields[0], CultureInfo.InvariantCulture),
            fields[1],
            fields[2],
            int.Parse(fields[3], CultureInfo.InvariantCulture),
            fields[4].Split(", ", StringSplitOptions.RemoveEmptyEntries),
            fields[6]))];
}
