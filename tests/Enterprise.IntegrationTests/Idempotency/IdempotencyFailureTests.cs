using System.Net;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Idempotency;

/// <summary>A request that fails with a 5xx keeps nothing under its key, so a retry runs instead of replaying the failure.</summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class IdempotencyFailureTests(DatabaseUnderTest database) : IdempotencyFixture(database)
{
    private Guid _categoryId;

    [OneTimeSetUp]
    public async Task BreakTheProductsTable()
    {
        _categoryId = await NewCategoryIdAsync();
        // Every product write now fails inside the database: a genuine 500.
        await Factory.QueryDatabaseAsync(db => db.DropTableOfAsync<Product>());
    }

    [Test]
    public async Task A_500_is_not_stored_and_the_retry_runs_again()
    {
        var body = ProductBody(_categoryId);
        var key = NewKey();

        using var first = await PostWithKeyAsync(ProductsPath, body, key);
        var rowsAfterFailure = await KeyRowsAsync(key);
        using var retry = await PostWithKeyAsync(ProductsPath, body, key);

        var problem = await first.AssertProblemAsync(HttpStatusCode.InternalServerError);
        await retry.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Server.Unexpected"));
            Assert.That(rowsAfterFailure, Is.Empty, "the key was released");
            Assert.That(retry.Headers.Contains(ReplayedHeader), Is.False, "the retry ran rather than replaying the failure");
            Assert.That(await KeyRowsAsync(key), Is.Empty);
        });
    }

    [Test]
    public async Task A_stored_4xx_is_replayed()
    {
        var key = NewKey();
        var body = CategoryBody(string.Empty);

        using var first = await PostWithKeyAsync(CategoriesPath, body, key);
        using var retry = await PostWithKeyAsync(CategoriesPath, body, key);

        await first.AssertProblemAsync(HttpStatusCode.BadRequest);
        await retry.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(retry.Headers.GetValues(ReplayedHeader).Single(), Is.EqualTo("true"));
            Assert.That((await KeyRowsAsync(key)).Single().ResponseStatusCode, Is.EqualTo(400));
        });
    }
}
