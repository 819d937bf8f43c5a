using System.Globalization;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>
/// The instances run as the image starts them (its ENTRYPOINT, scripts/lib/enterprise.sh): every thread under Linux's
/// SCHED_BATCH, the ones the runtime starts while serving included (a new thread inherits its creator's policy).
/// </summary>
public sealed class InstanceSchedulingTests : ClusterFixture
{
    private const int BatchPolicy = 3; // SCHED_BATCH; SCHED_OTHER, the default, is 0.

    [Test]
    public async Task Every_thread_of_every_instance_runs_under_SCHED_BATCH_after_serving_concurrent_requests()
    {
        var balancer = ClientFor(Cluster.Balancer);
        var reads = Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await SendAsync(balancer, HttpMethod.Get, CategoriesPath, token: null);
            response.EnsureSuccessStatusCode();
        });
        await Task.WhenAll(reads);

        Assert.Multiple(() =>
        {
            foreach (var instance in Cluster.Instances)
            {
                var policies = ThreadPolicies(instance.ProcessId);
                Assert.That(policies, Is.Not.Empty, $"instance {instance.Number} (process {instance.ProcessId}) has no threads to read");
                Assert.That(policies.Values, Has.All.EqualTo(BatchPolicy), $"instance {instance.Number}: {string.Join(", ", policies)}");
            }
        });
    }

    /// <summary>Each thread's name and policy: /proc/PID/task/TID/stat has the name in parentheses, the policy in field 41.</summary>
    private static Dictionary<string, int> ThreadPolicies(int processId)
    {
        var policies = new Dictionary<string, int>();
        foreach (var directory in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // The thread ended since the listing.
            }

            var nameEnd = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..nameEnd];
            var fieldsAfterName = stat[(nameEnd + 2)..].Split(' ');
            policies[$"{Path.GetFileName(directory)} '{name}'"] = int.Parse(fieldsAfterName[38], CultureInfo.InvariantCulture);
        }

        return policies;
    }
}
