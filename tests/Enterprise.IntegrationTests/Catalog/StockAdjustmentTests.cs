using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[CoversEndpoint("POST", Route)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class StockAdjustmentTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Route = "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments";

    [TestCase(5, 3, 8)]
    [TestCase(5, -2, 3)]
    [TestCase(5, -5, 0)]
    [TestCase(0, 2147483647, 2147483647)]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task An_adjustment_changes_the_stock_and_answers_200_with_the_product(int inStock, int quantity, int expected)
    {
        var created = await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: inStock);
        var id = IdOf(created);
        var before = await ProductRowAsync(id);

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(quantity, "Delivery 42"));

        var adjusted = await response.AssertJsonAsync(HttpStatusCode.OK);
        AssertProductContract(adjusted);
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(adjusted), Is.EqualTo(id));
            Assert.That(adjusted.GetProperty("stockQuantity").GetInt32(), Is.EqualTo(expected));
            Assert.That(adjusted.GetProperty("updatedAt").GetDateTime(), Is.GreaterThan(created.GetProperty("updatedAt").GetDateTime()));
            Assert.That(adjusted.GetProperty("createdAt").GetString(), Is.EqualTo(created.GetProperty("createdAt").GetString()));
            Assert.That(response.Headers.Location, Is.Null);
        });

        var after = await ProductRowAsync(id);
        AssertRowMatches(after, adjusted);
        Assert.Multiple(() =>
        {
            Assert.That(after!.Version, Is.EqualTo(before!.Version + 1));
            Assert.That(after with { StockQuantity = before.StockQuantity, UpdatedAt = before.UpdatedAt, Version = before.Version }, Is.EqualTo(before), "only stock changes");
        });

        using var fetched = await Client.GetAsync(ProductPath(id));
        Assert.That((await fetched.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32(), Is.EqualTo(expected));
    }

    [TestCase(5, -6)]
    [TestCase(0, -1)]
    [TestCase(5, int.MinValue)]
    public async Task Going_below_zero_is_409_and_the_stock_is_unchanged(int inStock, int quantity)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: inStock));
        var before = await ProductRowAsync(id);

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(quantity));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Product.Stock.Insufficient");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"{inStock} in stock"));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Going_above_the_largest_stock_is_400_naming_quantity_and_the_stock_is_unchanged()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: int.MaxValue));
        var before = await ProductRowAsync(id);

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Product.StockAdjustment.Overflow");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "quantity" }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase(0, "Recount", "quantity")]
    [TestCase(3, "", "reason")]
    [TestCase(3, "   ", "reason")]
    [TestCase(3, "201", "reason")]
    [TestCase(0, " ", "quantity,reason")]
    public async Task An_invalid_adjustment_is_400_naming_each_field_and_the_stock_is_unchanged(int quantity, string reason, string fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var before = await ProductRowAsync(id);
        var sentReason = reason == "201" ? new string('r', 201) : reason;

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(quantity, sentReason));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EquivalentTo(fields.Split(',')));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_reason_of_exactly_200_characters_is_accepted()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 1));

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1, new string('r', 200)));

        Assert.That((await response.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("stockQuantity").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task An_unknown_product_is_404()
    {
        var unknown = Guid.NewGuid();

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(unknown), StockAdjustmentBody(1));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
    }

    [Test]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task An_archived_product_is_404_and_its_stock_is_unchanged()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        await ArchiveAsync(id);
        var before = await ProductRowAsync(id);

        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(10));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
    }

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.All))]
    public async Task An_unreadable_body_is_400_naming_the_problem_and_the_stock_is_unchanged(BodyDefect defect)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var before = await ProductRowAsync(id);
        var unreadable = UnreadableBodies.Make(defect, StockAdjustmentBody(2), BodyShape.StockAdjustment);

        using var response = await SendAsync(HttpMethod.Post, StockAdjustmentsPath(id), unreadable.Body);

        var problem = await response.AssertUnreadableRequestAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { unreadable.Field }));
            Assert.That(ErrorMessages(problem, unreadable.Field), Is.EqualTo(new[] { unreadable.Message }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase("{\"quantity\":1.5,\"reason\":\"half\"}")]
    [TestCase("{\"quantity\":2147483648,\"reason\":\"too many\"}")]
    [TestCase("{\"quantity\":null,\"reason\":\"none\"}")]
    public async Task A_quantity_that_is_not_a_32_bit_integer_is_400_naming_quantity(string body)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var before = await ProductRowAsync(id);

        using var response = await SendAsync(HttpMethod.Post, StockAdjustmentsPath(id), body);

        var problem = await response.AssertUnreadableRequestAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "quantity" }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase("text/plain")]
    [TestCase(null)]
    public async Task A_body_that_is_not_declared_as_JSON_is_415_and_the_stock_is_unchanged(string? contentType)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var before = await ProductRowAsync(id);

        using var response = await SendAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(4).ToJsonString(), contentType);

        await response.AssertUnsupportedMediaTypeAsync();
        Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
    }
}
