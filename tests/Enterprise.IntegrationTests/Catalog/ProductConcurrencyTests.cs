using System.Net;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Serilog.Events;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>
/// A write that read a product, then lost the race to another writer, is 409 and changes nothing. The race
/// is made deterministic: the test holds the database's write lock with an uncommitted change of the row's
/// version, waits until the request has read the row (EF logs the SELECT), then commits; the request's own
/// write then finds a stale version.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ProductConcurrencyTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string ProductRoute = "api/v{version:apiVersion}/products/{id:guid}";

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        // Each executed command is logged with the request's correlation id: the signal that the row was read.
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    });

    [Test]
    [CoversEndpoint("DELETE", ProductRoute)]
    public async Task An_archive_that_lost_a_race_is_409_and_the_product_stays_active()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));

        using var response = await SendWhileAnotherWriterChangesTheProductAsync(id, () => new HttpRequestMessage(HttpMethod.Delete, ProductPath(id)));

        await AssertLostTheRaceAsync(response);
        var row = await ProductRowAsync(id);
        Assert.That(row!.Status, Is.EqualTo(ProductStatus.Active));
        using var lookup = await Client.GetAsync(ProductPath(id));
        await lookup.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments")]
    public async Task A_stock_adjustment_that_lost_a_race_is_409_and_the_stock_is_unchanged()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 5));

        using var response = await SendWhileAnotherWriterChangesTheProductAsync(id, () => new HttpRequestMessage(HttpMethod.Post, StockAdjustmentsPath(id))
        {
            Content = new StringContent(StockAdjustmentBody(-2).ToJsonString(), System.Text.Encoding.UTF8, JsonMediaType),
        });

        await AssertLostTheRaceAsync(response);
        Assert.That((await ProductRowAsync(id))!.StockQuantity, Is.EqualTo(5));
    }

    [Test]
    [CoversEndpoint("PUT", ProductRoute)]
    public async Task A_replace_that_lost_a_race_is_409_and_the_product_is_unchanged()
    {
        var categoryId = await NewCategoryIdAsync();
        var created = await CreateProductAsync(categoryId);
        var id = IdOf(created);

        using var response = await SendWhileAnotherWriterChangesTheProductAsync(id, () => new HttpRequestMessage(HttpMethod.Put, ProductPath(id))
        {
            Content = new StringContent(ProductBody(categoryId, name: "Lost the race").ToJsonString(), System.Text.Encoding.UTF8, JsonMediaType),
        });

        await AssertLostTheRaceAsync(response);
        Assert.That((await ProductRowAsync(id))!.Name, Is.EqualTo(created.GetProperty("name").GetString()));
    }

    private static async Task AssertLostTheRaceAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Concurrency.Conflict");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("re-read"));
    }

    private static bool ReadsProducts(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("commandText", out var value) &&
        value is ScalarValue { Value: string commandText } &&
        commandText.Contains("FROM \"Products\"", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> SendWhileAnotherWriterChangesTheProductAsync(Guid productId, Func<HttpRequestMessage> createRequest)
    {
        var correlationId = $"race-{Guid.NewGuid():N}";
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "UPDATE \"Products\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$id", productId.ToString().ToUpperInvariant());
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1), "the other writer's change");
        }

        using var request = createRequest();
        request.Headers.Add(CorrelationIdHeader, correlationId);
        var pending = Client.SendAsync(request);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Factory.Logs.ForCorrelationId(correlationId).Any(ReadsProducts) && !pending.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.That(Factory.Logs.ForCorrelationId(correlationId).Any(ReadsProducts), Is.True, "the request read the product before the other writer committed");
        await transaction.CommitAsync();
        return await pending;
    }
}
