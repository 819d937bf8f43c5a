using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>
/// An instance killed with SIGKILL under load: no write it acknowledged is lost, the events of every stored order are
/// handled (relays claim its rows after their lease, the broker hands its unacknowledged messages to the others), nginx
/// stops sending to it, and the others keep serving. The instance is started again afterwards, so the cluster is whole.
/// </summary>
public sealed class InstanceFailureTests : ClusterFixture
{
    private const int Writers = 6;
    private const int Readers = 2;
    private const int Stock = 100_000;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Each writer's pause between orders: a steady load, not a flood. Unpaced, a quiet machine placed about 1,000 orders
    /// on one product in 8 s, which the surviving instance then needed more than a minute to settle.
    /// </summary>
    private static readonly TimeSpan WriterPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The status recorded for a response that ended before its body did: nginx had started relaying it from the
    /// instance that was killed. Counted as a failure, like a 502.
    /// </summary>
    private const HttpStatusCode ResponseCut = 0;

    /// <summary>How long after the kill requests may still fail: those in flight on the killed instance.</summary>
    private static readonly TimeSpan FailoverGrace = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Killing_one_instance_under_load_loses_no_acknowledged_write_and_no_event_and_the_others_keep_serving()
    {
        Assert.That(Cluster.Instances, Has.Count.GreaterThanOrEqualTo(2), "a cluster of one has no other instance to keep serving");
        var victim = Cluster.Instances[^1];
        var productId = await NewProductAsync(Stock);
        var productPath = $"/api/v2/products/{productId}";
        var customerPrefix = $"survivor-{Guid.NewGuid():N}-";
        var balancer = ClientFor(Cluster.Balancer);
        var results = new ConcurrentBag<LoadResult>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task WriteAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var sentAt = clock.Elapsed;
                var token = Token(customerPrefix + Guid.NewGuid().ToString("N"), ClusterTokens.OrdersWriteScope);
                try
                {
                    using var response = await SendAsync(balancer, HttpMethod.Post, OrdersPath, token, new { lines = new[] { new { productId, quantity = 1 } } });
                    Guid? orderId = response.StatusCode == HttpStatusCode.Accepted ? (await JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("id").GetGuid() : null;
                    results.Add(new LoadResult(true, sentAt, response.StatusCode, orderId));
                }
                catch (HttpRequestException)
                {
                    results.Add(new LoadResult(true, sentAt, ResponseCut, null));
                }

                await Task.Delay(WriterPause);
            }
        }

        async Task ReadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var sentAt = clock.Elapsed;
                try
                {
                    using var response = await balancer.GetAsync(new Uri(productPath, UriKind.Relative));
                    results.Add(new LoadResult(false, sentAt, response.StatusCode, null));
                }
                catch (HttpRequestException)
                {
                    results.Add(new LoadResult(false, sentAt, ResponseCut, null));
                }
            }
        }

        var load = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).Concat(Enumerable.Range(0, Readers).Select(_ => Task.Run(ReadAsync))).ToArray();
        await Task.Delay(LoadBeforeKill);
        var killedAt = clock.Elapsed;
        var killedAtUnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        using (var process = Process.GetProcessById(victim.ProcessId))
        {
            process.Kill(); // SIGKILL: no shutdown, no drain, connections cut.
            await process.WaitForExitAsync();
        }

        try
        {
            await Task.Delay(LoadAfterKill);
            await stop.CancelAsync();
            await Task.WhenAll(load);
            await AssertNothingLostAsync();
        }
        finally
        {
            // Whatever failed, the suite's other tests get their cluster of N back.
            await RestartAsync(victim);
        }

        async Task AssertNothingLostAsync()
        {
            var acknowledged = results.Where(result => result.OrderId is not null).Select(result => result.OrderId!.Value).ToArray();
            var failedLate = results.Where(result => !IsSuccess(result.Status) && result.SentAt > killedAt + FailoverGrace).ToArray();
            var failedAtKill = results.Count(result => !IsSuccess(result.Status));
            var answeredAfterKill = BalancerLines()
                .Where(line => line.EndedAt > killedAtUnixSeconds + FailoverGrace.TotalSeconds)
                .Select(line => line.AnsweredBy).Distinct().ToArray();
            var stored = await OrdersOfCustomersAsync(customerPrefix);
            await TestContext.Out.WriteLineAsync(
                $"{results.Count} requests ({results.Count(result => result.IsWrite)} orders, {acknowledged.Length} acknowledged); {failedAtKill} failed around the kill of instance {victim.Number}; {stored.Count} orders stored");
            var statuses = await SettledOrdersAsync(stored);
            var events = await OrderEventsAsync(stored);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(results.Count(result => result.IsWrite && result.SentAt > killedAt && result.OrderId is not null), Is.GreaterThan(0), "writes kept succeeding after the kill");
                Assert.That(failedLate.Select(result => $"{(result.IsWrite ? "order" : "read")} sent {(result.SentAt - killedAt).TotalSeconds:F2} s after the kill: {(int)result.Status}"), Is.Empty,
                    $"nginx stopped sending to instance {victim.Number} within {FailoverGrace.TotalSeconds} s");
                Assert.That(stored, Is.SupersetOf(acknowledged), "every order answered 202 is stored");
                Assert.That(statuses.Values, Has.All.EqualTo("Confirmed"), "every stored order settled (stock is plentiful)");
                Assert.That(await StockOfAsync(productId), Is.EqualTo(Stock - stored.Count), "one unit reserved per stored order, once");
                Assert.That(events, Has.Count.EqualTo(stored.Count * 2), "two events per stored order");
                Assert.That(events.Where(row => row.TimesHandled != 1), Is.Empty, "every event handled exactly once");
                Assert.That(answeredAfterKill, Does.Not.Contain(victim.UpstreamAddress), "the killed instance answered nothing");
                Assert.That(answeredAfterKill, Is.Not.Empty, "the others kept serving");
            });
        }
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>Starts the killed instance again with scripts/cluster.sh, then waits until the balancer sends it requests again.</summary>
    private async Task RestartAsync(ClusterInstance victim)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Cluster.ClusterScript, "restart-instance", victim.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Cluster.StateDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var restart = Process.Start(start)!;
        var output = restart.StandardOutput.ReadToEndAsync();
        var errors = restart.StandardError.ReadToEndAsync();
        await restart.WaitForExitAsync();
        Assert.That(restart.ExitCode, Is.Zero, $"cluster.sh restart-instance: {await output}{await errors}");
        Assert.That(Cluster.Reload().Instances[victim.Number - 1].ProcessId, Is.Not.EqualTo(victim.ProcessId), "the state file names the new process");

        // nginx tries an instance that failed again after its fail_timeout (5 s).
        var balancer = ClientFor(Cluster.Balancer);
        await SettledAsync($"instance {victim.Number} serving through the balancer again", async () =>
        {
            using var response = await balancer.GetAsync(new Uri("/health/live", UriKind.Relative));
            return response.IsSuccessStatusCode && BalancerLines().Any(line => line.Uri == "/health/live" && line.Status == 200 && line.AnsweredBy == victim.UpstreamAddress);
        });
    }

    private sealed record LoadResult(bool IsWrite, TimeSpan SentAt, HttpStatusCode Status, Guid? OrderId);
}
