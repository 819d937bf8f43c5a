using System.Net;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>
/// Every instance caches reads by id in its memory; a write on one instance reaches the others through Redis' backplane
/// before its response leaves, so no instance serves the old product once the write has returned.
/// </summary>
public sealed class CacheInvalidationTests : ClusterFixture
{
    private const int Rounds = 12;
    private const int ReadsPerInstance = 5;

    [Test]
    public async Task A_product_changed_through_one_instance_is_never_served_stale_by_another_after_the_write_returns()
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
        for (var round = 1; round <= Rounds; round++)
        {
            var (writer, writerClient) = instances[round % instances.Length];
            using var write = await SendAsync(writerClient, HttpMethod.Post, $"{ProductsPath}/{productId}/stock-adjustments", token, new { quantity = 1, reason = "Counted again" });
            var expected = (await JsonAsync(write, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32();

            foreach (var (reader, readerClient) in instances)
            {
                for (var read = 0; read < ReadsPerInstance; read++)
                {
                    using var response = await readerClient.GetAsync(new Uri(productPath, UriKind.Relative));
                    var seen = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32();
                    if (seen != expected)
                    {
                        staleReads.Add($"round {round}: written through instance {writer.Number} ({expected}), instance {reader.Number} answered {seen}");
                    }
                }
            }
        }

        Assert.That(staleReads, Is.Empty, $"{Rounds} writes, each read {ReadsPerInstance} times from each of {instances.Length} instances right after it returned");
    }
}
