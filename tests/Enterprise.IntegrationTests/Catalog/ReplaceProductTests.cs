using System.Net;
using System.Text.Json.Nodes;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[CoversEndpoint("PUT", Route)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ReplaceProductTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Route = "api/v{version:apiVersion}/products/{id:guid}";

    public static IEnumerable<TestCaseData> InvalidFields()
    {
        yield return Case("sku", "with spaces", body => body["sku"] = "no spaces allowed");
        yield return Case("name", "empty", body => body["name"] = "");
        yield return Case("description", "2001 characters", body => body["description"] = new string('d', 2001));
        yield return Case("price", "negative", body => body["price"] = -5m);
        yield return Case("price", "5 decimal places", body => body["price"] = 1.23456m);
        yield return Case("currency", "EURO", body => body["currency"] = "EURO");
        yield return Case("stockQuantity", "negative", body => body["stockQuantity"] = -3);
        yield return Case("categoryId", "empty GUID", body => body["categoryId"] = Guid.Empty);

        static TestCaseData Case(string field, string what, Action<JsonObject> breakIt) =>
            new TestCaseData(field, breakIt).SetArgDisplayNames($"{field} {what}");
    }

    [Test]
    [CoversEndpoint("GET", Route)]
    public async Task Replacing_changes_every_caller_controlled_member_and_keeps_id_status_and_createdAt()
    {
        var original = await CreateProductAsync(await NewCategoryIdAsync());
        var id = IdOf(original);
        var before = await ProductRowAsync(id);
        var otherCategoryId = await NewCategoryIdAsync();
        var sku = UniqueSku("rp").ToLowerInvariant();
        var name = UniqueName("Replaced");
        var body = ProductBody(otherCategoryId, sku: sku, name: name, price: 1234.5678m, currency: "usd", stockQuantity: 0, description: "New words");

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(id), body);

        var replaced = await response.AssertJsonAsync(HttpStatusCode.OK);
        AssertProduct(replaced, new ExpectedProduct(sku.ToUpperInvariant(), name, "New words", 1234.5678m, "USD", 0, otherCategoryId));
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(replaced), Is.EqualTo(id));
            Assert.That(replaced.GetProperty("createdAt").GetString(), Is.EqualTo(original.GetProperty("createdAt").GetString()));
            Assert.That(replaced.GetProperty("updatedAt").GetDateTime(), Is.GreaterThan(original.GetProperty("updatedAt").GetDateTime()));
            Assert.That(response.Headers.Location, Is.Null);
        });

        var row = await ProductRowAsync(id);
        AssertRowMatches(row, replaced);
        Assert.That(row!.Version, Is.EqualTo(before!.Version + 1));

        using var fetched = await Client.GetAsync(ProductPath(id));
        AssertProduct(await fetched.AssertJsonAsync(HttpStatusCode.OK), new ExpectedProduct(sku.ToUpperInvariant(), name, "New words", 1234.5678m, "USD", 0, otherCategoryId));
    }

    [Test]
    public async Task A_product_may_keep_its_own_SKU_written_in_another_case()
    {
        var categoryId = await NewCategoryIdAsync();
        var sku = UniqueSku("OWN");
        var original = await CreateProductAsync(categoryId, sku: sku);

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(IdOf(original)), ProductBody(categoryId, sku: sku.ToLowerInvariant(), name: "Renamed"));

        var replaced = await response.AssertJsonAsync(HttpStatusCode.OK);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(replaced.GetProperty("sku").GetString(), Is.EqualTo(sku));
            Assert.That((await ProductRowAsync(IdOf(original)))!.Name, Is.EqualTo("Renamed"));
        });
    }

    [TestCaseSource(nameof(InvalidFields))]
    public async Task An_invalid_field_is_400_naming_that_field_and_the_row_is_unchanged(string field, Action<JsonObject> breakIt)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId));
        var before = await ProductRowAsync(id);
        var body = ProductBody(categoryId);
        breakIt(body);

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(id), body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Moving_to_an_unknown_or_deleted_category_is_400_naming_categoryId_and_the_row_is_unchanged(bool deleted)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var before = await ProductRowAsync(id);
        var target = deleted ? await DeletedCategoryIdAsync() : Guid.NewGuid();

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(id), ProductBody(target));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Product.CategoryId.Unknown");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "categoryId" }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Taking_the_SKU_of_another_product_is_409_whatever_its_case_and_neither_row_changes(bool lowerCase)
    {
        var categoryId = await NewCategoryIdAsync();
        var other = await CreateProductAsync(categoryId, sku: UniqueSku("TAKEN"));
        var id = IdOf(await CreateProductAsync(categoryId));
        var before = await ProductRowAsync(id);
        var otherBefore = await ProductRowAsync(IdOf(other));
        var takenSku = other.GetProperty("sku").GetString()!;

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(id), ProductBody(categoryId, sku: lowerCase ? takenSku.ToLowerInvariant() : takenSku));

        await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Product.Sku.Duplicate");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
            Assert.That(await ProductRowAsync(IdOf(other)), Is.EqualTo(otherBefore));
        });
    }

    [Test]
    public async Task An_unknown_id_is_404_and_nothing_is_created()
    {
        var unknown = Guid.NewGuid();
        var body = ProductBody(await NewCategoryIdAsync());

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(unknown), body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
            Assert.That(await ProductRowAsync(unknown), Is.Null);
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
        });
    }

    [Test]
    [CoversEndpoint("DELETE", Route)]
    public async Task An_archived_product_is_404_and_stays_archived_and_unchanged()
    {
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId));
        await ArchiveAsync(id);
        var before = await ProductRowAsync(id);

        using var response = await SendJsonAsync(HttpMethod.Put, ProductPath(id), ProductBody(categoryId));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        var after = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(before));
            Assert.That(after!.Status, Is.EqualTo(ProductStatus.Archived));
        });
    }

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.All))]
    public async Task An_unreadable_body_is_400_naming_the_problem_and_the_row_is_unchanged(BodyDefect defect)
    {
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId));
        var before = await ProductRowAsync(id);
        var unreadable = UnreadableBodies.Make(defect, ProductBody(categoryId), BodyShape.Product);

        using var response = await SendAsync(HttpMethod.Put, ProductPath(id), unreadable.Body);

        var problem = await response.AssertUnreadableRequestAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { unreadable.Field }));
            Assert.That(ErrorMessages(problem, unreadable.Field), Is.EqualTo(new[] { unreadable.Message }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase("text/plain")]
    [TestCase(null)]
    public async Task A_body_that_is_not_declared_as_JSON_is_415_and_the_row_is_unchanged(string? contentType)
    {
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId));
        var before = await ProductRowAsync(id);

        using var response = await SendAsync(HttpMethod.Put, ProductPath(id), ProductBody(categoryId, name: "Never applied").ToJsonString(), contentType);

        await response.AssertUnsupportedMediaTypeAsync();
        Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
    }
}
