using System.Diagnostics;
using System.Net;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>
/// Every instance caches reads by id in its memory. A write removes its entries on its own instance and in Redis before
/// its response leaves, and tells the other instances through Redis' backplane, which they act on as the message
/// arrives: the writer's instance never serves the old product after the write returns, every other instance stops
/// within a second (the bound), and none goes back to it.
/// </summary>
public sealed class CacheInvalidationTests : ClusterFixture
{
    private const int Rounds = 12;
    private const int ReadsPerInstance = 5;
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(1);

    [Test]
    public async Task A_product_changed_through_one_instance_is_fresh_there_at_once_and_on_every_other_within_a_second()
    {
        var productId = await NewProductAsync(stockQuantity: 100);
        var productPath = $"/api/v2/products/{productId}";
        var instances = Cluster.Instances.Select(instance => (instance, client: ClientFor(instance.Url))).ToArray();
        foreach (var (_, client) in instances)
        {
            using var warm = await client.GetAsync(new Uri(productPath, UriKind.Relative));
            Assert.That((await JsonAsync(warm, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32(), Is.EqualTo(100));
        }

        // Changed around the API: an instance that still answers 100 answers from its cache, so the cache is on and
        // what follows tests its invalidation, not the database.
        var updated = await QueryAsync(
            """UPDATE catalog."Products" SET "StockQuantity" = 500 WHERE "Id" = @id""",
            reader => Task.FromResult(reader.RecordsAffected),
            ("id", productId));
        Assert.That(updated, Is.EqualTo(1));
        foreach (var (instance, client) in instances)
        {
            using var cached = await client.GetAsync(new Uri(productPath, UriKind.Relative));
            Assert.That((await JsonAsync(cached, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32(), Is.EqualTo(100), $"instance {instance.Number} answers from its cache");
        }

        var token = Token(NewSubject("stock-keeper"), ClusterTokens.CatalogWriteScope);
        var staleReads = new List<string>();
        var slowest = TimeSpan.Zero;
        for (var round = 1; round <= Rounds; round++)
        {
            var (writer, writerClient) = instances[round % instances.Length];
            using var write = await SendAsync(writerClient, HttpMethod.Post, $"{ProductsPath}/{productId}/stock-adjustments", token, new { quantity = 1, reason = "Counted again" });
            var expected = (await JsonAsync(write, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32();
            var writtenAt = Stopwatch.GetTimestamp();

            foreach (var (reader, readerClient) in instances)
            {
                if (reader != writer)
                {
                    var propagation = await WaitUntilSeenAsync(readerClient, productPath, expected, writtenAt);
                    slowest = propagation > slowest ? propagation : slowest;
                    Assert.That(propagation, Is.LessThan(PropagationLimit), $"round {round}: instance {reader.Number} still answered the old stock after {propagation.TotalMilliseconds:F0} ms");
                }

                // On the writer's instance from the first read; on the others once seen, never the old value again.
                for (var read = 0; read < ReadsPerInstance; read++)
                {
                    var seen = await StockAsync(readerClient, productPath);
                    if (seen != expected)
                    {
                        staleReads.Add($"round {round}: written through instance {writer.Number} ({expected}), instance {reader.Number} answered {seen}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"slowest propagation to another instance: {slowest.TotalMilliseconds:F1} ms");
        Assert.That(staleReads, Is.Empty, $"{Rounds} writes, each read {ReadsPerInstance} times from each of {instances.Length} instances");
    }

    /// <summary>Reads until the instance answers <paramref name="expected"/>; how long after the write that took.</summary>
    private static async Task<TimeSpan> WaitUntilSeenAsync(HttpClient client, string productPath, int expected, long writtenAt)
    {
        var deadline = writtenAt + (long)(Stopwatch.Frequency * 5 * PropagationLimit.TotalSeconds);
        while (await StockAsync(client, productPath) != expected)
        {
            Assert.That(Stopwatch.GetTimestamp(), Is.LessThan(deadline), "the instance never stopped answering the old stock");
            await Task.Delay(5);
        }

        return Stopwatch.GetElapsedTime(writtenAt);
    }

    private static async Task<int> StockAsync(HttpClient client, string productPath)
    {
        using var response = await client.GetAsync(new Uri(productPath, UriKind.Relative));
        return (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32();
    }
}
