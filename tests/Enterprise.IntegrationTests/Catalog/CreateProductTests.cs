using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CreateProductTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Post = "POST";
    private const string ProductsRoute = "api/v{version:apiVersion}/products";
    private const string ProductRoute = "api/v{version:apiVersion}/products/{id:guid}";

    public static IEnumerable<TestCaseData> InvalidFields()
    {
        yield return Case("sku", body => body["sku"] = "ab 12", "letters and digits in groups");
        yield return Case("sku", body => body["sku"] = "ab--12", "letters and digits in groups");
        yield return Case("sku", body => body["sku"] = "AB", "3 to 32 characters");
        yield return Case("sku", body => body["sku"] = new string('A', 33), "3 to 32 characters");
        yield return Case("sku", body => body["sku"] = "   ", "The SKU is required.");
        yield return Case("name", body => body["name"] = "   ", "The name is required.");
        yield return Case("name", body => body["name"] = new string('n', 201), "at most 200 characters");
        yield return Case("description", body => body["description"] = new string('d', 2001), "at most 2000 characters");
        yield return Case("price", body => body["price"] = -0.01m, "zero or more");
        yield return Case("price", body => body["price"] = 0.00001m, "at most 4 decimal places");
        yield return Case("price", body => body["price"] = 100_000_000_000_000m, "at most 99999999999999.9999");
        yield return Case("currency", body => body["currency"] = "XXX", "ISO 4217");
        yield return Case("currency", body => body["currency"] = "EU", "ISO 4217");
        yield return Case("currency", body => body["currency"] = "", "ISO 4217");
        yield return Case("stockQuantity", body => body["stockQuantity"] = -1, "zero or more");
        yield return Case("categoryId", body => body["categoryId"] = Guid.Empty, "The category is required.");

        static TestCaseData Case(string field, Action<JsonObject> breakIt, string message) =>
            new TestCaseData(field, breakIt, message).SetArgDisplayNames($"{field}: {message}");
    }

    [Test]
    [CoversEndpoint(Post, ProductsRoute)]
    [CoversEndpoint("GET", ProductRoute)]
    public async Task A_valid_product_is_created_with_201_a_location_to_get_it_and_every_member_of_the_contract()
    {
        var categoryId = await NewCategoryIdAsync();
        var sku = UniqueSku("bk").ToLowerInvariant();
        var name = UniqueName("Domain-Driven Design");
        var body = ProductBody(categoryId, sku: $"  {sku}  ", name: $"  {name}  ", price: 54.99m, currency: " eur ", stockQuantity: 12, description: "  Tackling complexity.  ");

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = IdOf(created);
        AssertProduct(created, new ExpectedProduct(sku.ToUpperInvariant(), name, "Tackling complexity.", 54.99m, "EUR", 12, categoryId));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/api/v1/products/{id}"));
            Assert.That(created.GetProperty("createdAt").GetString(), Is.EqualTo(created.GetProperty("updatedAt").GetString()));
        });

        using var fetched = await Client.GetAsync(response.Headers.Location);
        var read = await fetched.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(JsonElement.DeepEquals(read, created), Is.True, $"GET {read} differs from the 201 body {created}");

        var row = await ProductRowAsync(id);
        AssertRowMatches(row, created);
        Assert.Multiple(() =>
        {
            Assert.That(row!.Sku, Is.EqualTo(sku.ToUpperInvariant()), "the SKU is stored trimmed and upper-cased");
            Assert.That(row.Version, Is.EqualTo(1));
        });
    }

    [TestCase("omitted")]
    [TestCase("null")]
    [TestCase("blank")]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task The_description_is_optional_and_a_blank_one_is_stored_as_null(string description)
    {
        var body = ProductBody(await NewCategoryIdAsync());
        switch (description)
        {
            case "omitted":
                body.Remove("description");
                break;
            case "null":
                body["description"] = null;
                break;
            default:
                body["description"] = "   ";
                break;
        }

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(created.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await ProductRowAsync(IdOf(created)))!.Description, Is.Null);
    }

    [TestCase("0.0001", "0.0001")]
    [TestCase("1234.5678", "1234.5678")]
    [TestCase("0", "0")]
    [TestCase("12.50", "12.5")]
    [TestCase("99999999999999.9999", "99999999999999.9999")]
    [CoversEndpoint(Post, ProductsRoute)]
    [CoversEndpoint("GET", ProductRoute)]
    [CoversEndpoint("GET", ProductsRoute)]
    public async Task Money_round_trips_exactly_through_create_get_list_and_the_database(string sent, string expected)
    {
        var categoryId = await NewCategoryIdAsync();
        var amount = decimal.Parse(sent, System.Globalization.CultureInfo.InvariantCulture);
        var expectedAmount = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, ProductBody(categoryId, price: amount));
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        using var fetched = await Client.GetAsync(ProductPath(IdOf(created)));
        var read = await fetched.AssertJsonAsync(HttpStatusCode.OK);
        using var listed = await Client.GetAsync($"{ProductsPath}?categoryId={categoryId}");
        var item = (await listed.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("items")[0];
        var row = await ProductRowAsync(IdOf(created));

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("price").GetRawText(), Is.EqualTo(expected), "201 body");
            Assert.That(read.GetProperty("price").GetRawText(), Is.EqualTo(expected), "GET body");
            Assert.That(item.GetProperty("price").GetRawText(), Is.EqualTo(expected), "list item");
            Assert.That(row!.Price, Is.EqualTo(expectedAmount), "stored amount");
            Assert.That(row.Price.Scale, Is.EqualTo(expectedAmount.Scale), "stored without trailing zeros");
        });
    }

    [TestCaseSource(nameof(InvalidFields))]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task An_invalid_field_is_400_naming_that_field_and_nothing_is_stored(string field, Action<JsonObject> breakIt, string message)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var body = ProductBody(await NewCategoryIdAsync());
        breakIt(body);
        var before = await ProductRowCountAsync();

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
            Assert.That(ErrorMessages(problem, field), Has.Some.Contains(message));
            Assert.That(await ProductRowCountAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var body = new JsonObject
        {
            ["sku"] = "a b",
            ["name"] = " ",
            ["price"] = -1.00001m,
            ["currency"] = "XXX",
            ["stockQuantity"] = -1,
            ["categoryId"] = Guid.Empty,
        };

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "sku", "name", "price", "currency", "stockQuantity", "categoryId" }));
            Assert.That(ErrorMessages(problem, "price"), Has.Length.EqualTo(2), "negative and too precise");
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task An_unknown_category_is_400_naming_categoryId_and_nothing_is_stored()
    {
        var unknown = Guid.NewGuid();
        var body = ProductBody(unknown);

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Product.CategoryId.Unknown");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "categoryId" }));
            Assert.That(ErrorMessages(problem, "categoryId").Single(), Does.Contain(unknown.ToString()));
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
        });
    }

    [Test]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task A_deleted_category_takes_no_new_products()
    {
        var body = ProductBody(await DeletedCategoryIdAsync());

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Product.CategoryId.Unknown");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "categoryId" }));
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
        });
    }

    [TestCase("AB-{0}", "AB-{0}")]
    [TestCase("AB-{0}", "ab-{0}")]
    [TestCase("ab-{0}", " Ab-{0} ")]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task A_SKU_already_in_use_is_409_whatever_its_case_and_the_original_is_untouched(string existingSku, string newSku)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var categoryId = await NewCategoryIdAsync();
        var original = await CreateProductAsync(categoryId, sku: string.Format(System.Globalization.CultureInfo.InvariantCulture, existingSku, suffix));
        var originalRow = await ProductRowAsync(IdOf(original));

        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, ProductBody(categoryId, sku: string.Format(System.Globalization.CultureInfo.InvariantCulture, newSku, suffix)));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Product.Sku.Duplicate");
        var rows = await ProductRowsWithSkuAsync($"AB-{suffix.ToUpperInvariant()}");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"AB-{suffix.ToUpperInvariant()}"));
            Assert.That(rows, Is.EqualTo(new[] { originalRow }), "only the original, unchanged");
        });
    }

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.All))]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task An_unreadable_body_is_400_naming_the_problem_and_nothing_is_stored(BodyDefect defect)
    {
        var unreadable = UnreadableBodies.Make(defect, ProductBody(await NewCategoryIdAsync()), BodyShape.Product);
        var before = await ProductRowCountAsync();

        using var response = await SendAsync(HttpMethod.Post, ProductsPath, unreadable.Body);

        var problem = await response.AssertUnreadableRequestAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { unreadable.Field }));
            Assert.That(ErrorMessages(problem, unreadable.Field), Is.EqualTo(new[] { unreadable.Message }));
            Assert.That(await ProductRowCountAsync(), Is.EqualTo(before));
        });
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase(null)]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task A_body_that_is_not_declared_as_JSON_is_415_and_nothing_is_stored(string? contentType)
    {
        var body = ProductBody(await NewCategoryIdAsync());

        using var response = await SendAsync(HttpMethod.Post, ProductsPath, body.ToJsonString(), contentType);

        await response.AssertUnsupportedMediaTypeAsync();
        Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
    }

    [Test]
    [CoversEndpoint(Post, ProductsRoute)]
    public async Task A_request_without_any_body_is_415()
    {
        using var response = await Client.PostAsync(ProductsPath, content: null);

        await response.AssertUnsupportedMediaTypeAsync();
    }
}
