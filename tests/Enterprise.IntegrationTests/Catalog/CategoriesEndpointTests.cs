using System.Net;
using System.Text.Json;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CategoriesEndpointTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Categories = "api/v{version:apiVersion}/categories";
    private const string Category = "api/v{version:apiVersion}/categories/{id:guid}";

    [Test]
    [CoversEndpoint("POST", Categories)]
    [CoversEndpoint("GET", Category)]
    public async Task A_category_is_created_with_201_a_location_to_get_it_and_a_slug_from_its_name()
    {
        var token = Token();

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody($"  Garden Tools {token}  "));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        AssertCategoryContract(created);
        var id = IdOf(created);
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("name").GetString(), Is.EqualTo($"Garden Tools {token}"), "trimmed");
            Assert.That(created.GetProperty("slug").GetString(), Is.EqualTo($"garden-tools-{token.ToLowerInvariant()}"));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/api/v1/categories/{id}"));
        });

        using var fetched = await Client.GetAsync(response.Headers.Location);
        var read = await fetched.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(JsonElement.DeepEquals(read, created), Is.True, $"GET {read} differs from the 201 body {created}");

        Assert.That(await CategoryRowAsync(id), Is.EqualTo(new CategoryRow(id, $"Garden Tools {token}", $"garden-tools-{token.ToLowerInvariant()}", null, 1)));
    }

    [TestCase("Café  Bar & Grill!", "cafe-bar-grill")]
    [TestCase("--Books--", "books")]
    [TestCase("Ünïcödé 2", "unicode-2")]
    [CoversEndpoint("POST", Categories)]
    public async Task The_slug_is_lower_case_ASCII_without_accents_and_with_single_hyphens(string name, string slug)
    {
        var token = Token();

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody($"{name} {token}"));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(created.GetProperty("slug").GetString(), Is.EqualTo($"{slug}-{token.ToLowerInvariant()}"));
    }

    [TestCase("garden-tools {0}")]
    [TestCase("GARDEN TOOLS {0}")]
    [TestCase("  Garden   Tools {0} ")]
    [TestCase("Gärden Tööls {0}")]
    [CoversEndpoint("POST", Categories)]
    public async Task A_name_with_the_slug_of_a_live_category_is_409_and_nothing_is_stored(string duplicate)
    {
        var token = Token();
        var original = await CreateCategoryAsync($"Garden Tools {token}");

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody(string.Format(System.Globalization.CultureInfo.InvariantCulture, duplicate, token)));

        await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Category.Name.Duplicate");
        var rows = await CategoryRowsWithSlugAsync(original.GetProperty("slug").GetString()!);
        Assert.That(rows.Select(row => row.Id), Is.EqualTo(new[] { IdOf(original) }));
    }

    [TestCase("", "The name is required.")]
    [TestCase("   ", "The name is required.")]
    [TestCase("!!! ???", "at least one letter or digit")]
    [TestCase("101", "at most 100 characters")]
    [CoversEndpoint("POST", Categories)]
    public async Task An_invalid_name_is_400_naming_name_and_nothing_is_stored(string name, string message)
    {
        var before = await CategoryRowCountAsync();

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody(name == "101" ? new string('n', 101) : name));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "name" }));
            Assert.That(ErrorMessages(problem, "name").Single(), Does.Contain(message));
            Assert.That(await CategoryRowCountAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    [CoversEndpoint("POST", Categories)]
    public async Task A_name_of_exactly_100_characters_is_accepted()
    {
        var name = $"{Token()}{new string('n', 100 - 11)}";

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody(name));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That((await CategoryRowAsync(IdOf(created)))!.Name, Is.EqualTo(name));
    }

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.All))]
    [CoversEndpoint("POST", Categories)]
    public async Task An_unreadable_body_is_400_naming_the_problem_and_nothing_is_stored(BodyDefect defect)
    {
        var unreadable = UnreadableBodies.Make(defect, CategoryBody(UniqueName("Unreadable")), BodyShape.Category);
        var before = await CategoryRowCountAsync();

        using var response = await SendAsync(HttpMethod.Post, CategoriesPath, unreadable.Body);

        var problem = await response.AssertUnreadableRequestAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { unreadable.Field }));
            Assert.That(ErrorMessages(problem, unreadable.Field), Is.EqualTo(new[] { unreadable.Message }));
            Assert.That(await CategoryRowCountAsync(), Is.EqualTo(before));
        });
    }

    [TestCase("text/plain")]
    [TestCase(null)]
    [CoversEndpoint("POST", Categories)]
    public async Task A_body_that_is_not_declared_as_JSON_is_415_and_nothing_is_stored(string? contentType)
    {
        var before = await CategoryRowCountAsync();

        using var response = await SendAsync(HttpMethod.Post, CategoriesPath, CategoryBody(UniqueName("Plain")).ToJsonString(), contentType);

        await response.AssertUnsupportedMediaTypeAsync();
        Assert.That(await CategoryRowCountAsync(), Is.EqualTo(before));
    }

    [Test]
    [CoversEndpoint("GET", Category)]
    public async Task An_unknown_category_is_404_problem_naming_the_id()
    {
        var unknown = Guid.NewGuid();

        using var response = await Client.GetAsync(CategoryPath(unknown));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Category.NotFound");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
    }

    [Test]
    [CoversEndpoint("DELETE", Category)]
    [CoversEndpoint("GET", Category)]
    [CoversEndpoint("GET", Categories)]
    public async Task Deleting_an_unused_category_is_204_and_soft_deletes_it_out_of_lookups_and_lists()
    {
        var created = await CreateCategoryAsync();
        var id = IdOf(created);
        var before = await CategoryRowAsync(id);

        using var response = await Client.DeleteAsync(CategoryPath(id));

        await response.AssertNoContentAsync();
        var after = await CategoryRowAsync(id);
        Assert.That(after, Is.Not.Null, "the row stays, so archived products keep their reference");
        Assert.Multiple(() =>
        {
            Assert.That(after!.DeletedAt, Is.Not.Null);
            Assert.That(after.DeletedAt!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(after.DeletedAt.Value, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(10)));
            Assert.That(after.Version, Is.EqualTo(before!.Version + 1));
            Assert.That(after with { DeletedAt = null, Version = before.Version }, Is.EqualTo(before), "name and slug are kept");
        });

        using var lookup = await Client.GetAsync(CategoryPath(id));
        await lookup.AssertApiProblemAsync(HttpStatusCode.NotFound, "Category.NotFound");
        Assert.That(await AllListedCategoryIdsAsync(), Does.Not.Contain(id));
    }

    [Test]
    [CoversEndpoint("DELETE", Category)]
    public async Task Deleting_a_deleted_category_again_is_404_and_changes_nothing()
    {
        var id = await DeletedCategoryIdAsync();
        var before = await CategoryRowAsync(id);

        using var response = await Client.DeleteAsync(CategoryPath(id));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Category.NotFound");
        Assert.That(await CategoryRowAsync(id), Is.EqualTo(before));
    }

    [Test]
    [CoversEndpoint("DELETE", Category)]
    public async Task Deleting_an_unknown_category_is_404()
    {
        using var response = await Client.DeleteAsync(CategoryPath(Guid.NewGuid()));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Category.NotFound");
    }

    [Test]
    [CoversEndpoint("DELETE", Category)]
    public async Task Deleting_a_category_an_active_product_uses_is_409_and_nothing_changes()
    {
        var id = await NewCategoryIdAsync();
        await CreateProductAsync(id);
        var archived = IdOf(await CreateProductAsync(id));
        await ArchiveAsync(archived);
        var before = await CategoryRowAsync(id);

        using var response = await Client.DeleteAsync(CategoryPath(id));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.Conflict, "Category.InUse");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("1 active product"), "archived products are not counted");
        Assert.That(await CategoryRowAsync(id), Is.EqualTo(before));
        using var lookup = await Client.GetAsync(CategoryPath(id));
        await lookup.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    [CoversEndpoint("DELETE", Category)]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task A_category_used_only_by_archived_products_can_be_deleted_and_their_rows_keep_the_reference()
    {
        var id = await NewCategoryIdAsync();
        var productId = IdOf(await CreateProductAsync(id));
        await ArchiveAsync(productId);

        using var response = await Client.DeleteAsync(CategoryPath(id));

        await response.AssertNoContentAsync();
        var product = await ProductRowAsync(productId);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await CategoryRowAsync(id))!.DeletedAt, Is.Not.Null);
            Assert.That(product!.CategoryId, Is.EqualTo(id));
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Archived));
        });
    }

    [Test]
    [CoversEndpoint("POST", Categories)]
    [CoversEndpoint("DELETE", Category)]
    [CoversEndpoint("GET", Category)]
    public async Task The_name_of_a_deleted_category_can_be_used_again_for_a_new_category()
    {
        var name = $"Reused {Token()}";
        var first = await CreateCategoryAsync(name);
        using (var deleted = await Client.DeleteAsync(CategoryPath(IdOf(first))))
        {
            await deleted.AssertNoContentAsync();
        }

        using var response = await SendJsonAsync(HttpMethod.Post, CategoriesPath, CategoryBody(name));

        var second = await response.AssertJsonAsync(HttpStatusCode.Created);
        var rows = await CategoryRowsWithSlugAsync(first.GetProperty("slug").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(second), Is.Not.EqualTo(IdOf(first)));
            Assert.That(second.GetProperty("slug").GetString(), Is.EqualTo(first.GetProperty("slug").GetString()));
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows.Single(row => row.Id == IdOf(first)).DeletedAt, Is.Not.Null);
            Assert.That(rows.Single(row => row.Id == IdOf(second)).DeletedAt, Is.Null);
        });

        using var lookup = await Client.GetAsync(CategoryPath(IdOf(second)));
        Assert.That(JsonElement.DeepEquals(await lookup.AssertJsonAsync(HttpStatusCode.OK), second), Is.True);
    }

    private static string Token() => $"C{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    private async Task<List<Guid>> AllListedCategoryIdsAsync()
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            using var response = await Client.GetAsync($"{CategoriesPath}?page={page}&pageSize=100");
            var items = AssertPage(await response.AssertJsonAsync(HttpStatusCode.OK), page, 100);
            ids.AddRange(items.Select(IdOf));
            if (items.Length < 100)
            {
                return ids;
            }
        }
    }
}
