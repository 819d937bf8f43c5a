using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Idempotency;

/// <summary>The background purge deletes expired keys and leaves the others.</summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class IdempotencyPurgeTests(DatabaseUnderTest database) : IdempotencyFixture(database)
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMilliseconds(200);

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["Idempotency:PurgeInterval"] = PurgeInterval.ToString(),
    });

    [Test]
    public async Task Expired_keys_are_deleted_and_live_ones_kept()
    {
        var categoryId = await NewCategoryIdAsync();
        var (expiring, live) = (NewKey(), NewKey());
        using var first = await PostWithKeyAsync(ProductsPath, ProductBody(categoryId), expiring);
        using var second = await PostWithKeyAsync(ProductsPath, ProductBody(categoryId), live);
        Assert.That(new[] { first.StatusCode, second.StatusCode }, Is.All.EqualTo(HttpStatusCode.Created));

        await ExpireAsync(expiring);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await KeyRowsAsync(expiring)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PurgeInterval);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await KeyRowsAsync(expiring), Is.Empty, "purged");
            Assert.That(await KeyRowsAsync(live), Has.Count.EqualTo(1), "kept");
        });
    }
}
