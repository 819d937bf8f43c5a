using System.Net;
using System.Text;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog.V2;

/// <summary>
/// v2 lists: <c>{ "items" }</c> in keyset pages with an opaque cursor in the <c>Link rel="next"</c> URL; the order of v1's
/// sort with the id as tie-breaker; a broken or foreign cursor is 400; inserts between pages neither skip nor repeat.
/// Also the rest of the v2 category endpoints, which share v1's contract.
/// </summary>
[CoversEndpoint("GET", ProductsRoute, Version = 2)]
[CoversEndpoint("GET", CategoriesRoute, Version = 2)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ListsV2Tests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string ProductsRoute = "api/v{version:apiVersion}/products";
    private const string CategoriesRoute = "api/v{version:apiVersion}/categories";
    private const string CategoryRoute = "api/v{version:apiVersion}/categories/{id:guid}";

    [TestCase("price")]
    [TestCase("-stockQuantity,name")]
    [TestCase("name")]
    [TestCase("-createdAt")]
    [TestCase("sku")]
    public async Task Following_next_links_visits_each_product_once_in_the_order_of_the_sort(string sort)
    {
        var categoryId = await NewCategoryIdAsync();
        // Equal prices and stock on purpose: the id must break the ties the same way on every page.
        foreach (var (price, stock, name) in new[] { (5m, 1, "delta"), (5m, 1, "Alpha"), (9m, 2, "charlie"), (1m, 2, "Bravo"), (5m, 0, "echo") })
        {
            await CreateProductAsync(categoryId, price: price, stockQuantity: stock, name: $"{name} {Guid.NewGuid():N}");
        }

        var pages = await WalkAsync($"{V2ProductsPath}?categoryId={categoryId}&sort={Uri.EscapeDataString(sort)}&limit=2");

        using var reference = await Client.GetAsync($"{ProductsPath}?categoryId={categoryId}&sort={Uri.EscapeDataString(sort)}");
        var expected = (await reference.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(IdOf);
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(page => page.Length), Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(pages.SelectMany(page => page).Select(IdOf), Is.EqualTo(expected), "the same order as the offset list");
        });
    }

    [Test]
    public async Task A_page_is_an_object_with_items_only_and_the_last_page_has_no_next_link()
    {
        var categoryId = await NewCategoryIdAsync();
        var created = await CreateProductAsync(categoryId);

        using var response = await Client.GetAsync($"{V2ProductsPath}?categoryId={categoryId}");

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        var item = page.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(page.EnumerateObject().Select(member => member.Name), Is.EqualTo(new[] { "items" }));
            Assert.That(IdOf(item), Is.EqualTo(IdOf(created)));
            Assert.That(item.GetProperty("price").GetProperty("amount").GetDecimal(), Is.EqualTo(created.GetProperty("price").GetDecimal()));
            Assert.That(response.Headers.Contains("Link"), Is.False);
        });
    }

    [Test]
    public async Task Without_a_limit_pages_hold_20_and_100_is_the_largest_limit()
    {
        var categoryId = await NewCategoryIdAsync();
        for (var number = 0; number < 21; number++)
        {
            await CreateProductAsync(categoryId);
        }

        var byDefault = await WalkAsync($"{V2ProductsPath}?categoryId={categoryId}");
        var largest = await WalkAsync($"{V2ProductsPath}?categoryId={categoryId}&limit=100");

        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Select(page => page.Length), Is.EqualTo(new[] { 20, 1 }));
            Assert.That(largest.Select(page => page.Length), Is.EqualTo(new[] { 21 }));
        });
    }

    [Test]
    public async Task Products_inserted_between_two_pages_are_neither_skipped_nor_repeated()
    {
        var categoryId = await NewCategoryIdAsync();
        var original = new List<Guid>();
        foreach (var price in new[] { 10m, 20m, 30m, 40m })
        {
            original.Add(IdOf(await CreateProductAsync(categoryId, price: price)));
        }

        using var first = await Client.GetAsync($"{V2ProductsPath}?categoryId={categoryId}&sort=price&limit=2");
        var firstItems = (await first.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(IdOf).ToList();
        var before = IdOf(await CreateProductAsync(categoryId, price: 5m));
        var after = IdOf(await CreateProductAsync(categoryId, price: 35m));
        var rest = await WalkAsync(LinksOf(first)["next"].PathAndQuery);

        var seen = firstItems.Concat(rest.SelectMany(page => page).Select(IdOf)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Unique);
            Assert.That(seen.Where(original.Contains), Is.EqualTo(original), "every product that was there all along, in order");
            Assert.That(seen, Does.Contain(after), "a product inserted ahead of the cursor shows up");
            Assert.That(seen, Does.Not.Contain(before), "a product inserted behind the cursor is not served late");
        });
    }

    [Test]
    public async Task Filters_apply_to_keyset_pages_and_the_next_link_keeps_them()
    {
        var categoryId = await NewCategoryIdAsync();
        var token = $"K{Guid.NewGuid():N}"[..11];
        var wanted = new List<Guid>();
        foreach (var price in new[] { 10m, 11m, 12m })
        {
            wanted.Add(IdOf(await CreateProductAsync(categoryId, price: price, name: $"{token} {price}")));
        }

        await CreateProductAsync(categoryId, price: 50m, name: $"{token} too dear");
        await CreateProductAsync(categoryId, price: 11m, name: UniqueName("Other"));
        var archived = IdOf(await CreateProductAsync(categoryId, price: 11m, name: $"{token} archived"));
        await ArchiveAsync(archived);

        var active = await WalkAsync($"{V2ProductsPath}?categoryId={categoryId}&q={token}&minPrice=10&maxPrice=12&sort=price&limit=1");
        var archivedPages = await WalkAsync($"{V2ProductsPath}?categoryId={categoryId}&status=archived");

        Assert.Multiple(() =>
        {
            Assert.That(active.SelectMany(page => page).Select(IdOf), Is.EqualTo(wanted));
            Assert.That(archivedPages.SelectMany(page => page).Select(IdOf), Is.EqualTo(new[] { archived }));
        });
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("minPrice=3&maxPrice=2", "maxPrice")]
    public async Task Out_of_range_values_are_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{V2ProductsPath}?{query}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task An_unknown_sort_field_is_400_naming_the_allowed_fields()
    {
        using var response = await Client.GetAsync($"{V2ProductsPath}?sort=colour");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorMessages(problem, "sort").Single(), Does.Contain("colour").And.Contain("Allowed fields: name, sku, price, stockQuantity, createdAt, updatedAt"));
    }

    public enum CursorDamage
    {
        OneCharacterChanged,
        Truncated,
        Extended,
        Garbage,
        NotBase64,
        ForgedWithoutChecksum,
    }

    [Test]
    public async Task A_malformed_or_tampered_cursor_is_400_naming_cursor([Values] CursorDamage damage)
    {
        var cursor = await SomeNextCursorAsync("sort=price");
        var damaged = damage switch
        {
            CursorDamage.OneCharacterChanged => cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..],
            CursorDamage.Truncated => cursor[..^3],
            CursorDamage.Extended => cursor + "AAAA",
            CursorDamage.Garbage => "abc",
            CursorDamage.NotBase64 => "!!!***",
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"l\":\"x\",\"p\":[1,\"00000000-0000-0000-0000-000000000000\"]}")).TrimEnd('='),
        };

        using var response = await Client.GetAsync($"{V2ProductsPath}?sort=price&cursor={Uri.EscapeDataString(damaged)}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Paging.Cursor.Invalid");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "cursor" }));
    }

    [TestCase("sort=-price")]
    [TestCase("sort=price&minPrice=1")]
    [TestCase("sort=price&status=archived")]
    public async Task A_cursor_sent_with_other_filters_or_sort_is_400(string otherQuery)
    {
        var cursor = await SomeNextCursorAsync("sort=price");

        using var response = await Client.GetAsync($"{V2ProductsPath}?{otherQuery}&cursor={Uri.EscapeDataString(cursor)}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Paging.Cursor.OtherList");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "cursor" }));
    }

    [Test]
    public async Task A_cursor_of_the_category_list_is_not_a_product_cursor()
    {
        await CreateCategoryAsync();
        await CreateCategoryAsync();
        using var categories = await Client.GetAsync($"{V2CategoriesPath}?limit=1");
        var cursor = CursorOf(LinksOf(categories)["next"]);

        using var response = await Client.GetAsync($"{V2ProductsPath}?cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Category_pages_visit_each_category_once_by_slug()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var mine = new[]
        {
            IdOf(await CreateCategoryAsync($"{token} charlie")),
            IdOf(await CreateCategoryAsync($"{token} alpha")),
            IdOf(await CreateCategoryAsync($"{token} bravo")),
        };

        var pages = await WalkAsync($"{V2CategoriesPath}?limit=2");

        var all = pages.SelectMany(page => page).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Take(pages.Count - 1).Select(page => page.Length), Is.All.EqualTo(2));
            Assert.That(all.Select(IdOf), Is.Unique);
            Assert.That(all.Select(category => category.GetProperty("slug").GetString()), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
            Assert.That(all.Select(IdOf).Where(mine.Contains), Is.EqualTo(new[] { mine[1], mine[2], mine[0] }));
        });
        foreach (var category in all)
        {
            AssertCategoryContract(category);
        }
    }

    [Test]
    [CoversEndpoint("POST", CategoriesRoute, Version = 2)]
    [CoversEndpoint("GET", CategoryRoute, Version = 2)]
    [CoversEndpoint("DELETE", CategoryRoute, Version = 2)]
    public async Task A_category_is_created_read_and_deleted_through_v2()
    {
        var name = UniqueName("V2 category");

        using var created = await SendJsonAsync(HttpMethod.Post, V2CategoriesPath, CategoryBody(name));
        var category = await created.AssertJsonAsync(HttpStatusCode.Created);
        var id = IdOf(category);
        using var read = await Client.GetAsync($"{V2CategoriesPath}/{id}");
        var readBack = await read.AssertJsonAsync(HttpStatusCode.OK);
        using var deleted = await Client.DeleteAsync($"{V2CategoriesPath}/{id}");
        await deleted.AssertNoContentAsync();
        using var gone = await Client.GetAsync($"{V2CategoriesPath}/{id}");
        await gone.AssertApiProblemAsync(HttpStatusCode.NotFound, "Category.NotFound");

        var row = await CategoryRowAsync(id);
        Assert.Multiple(() =>
        {
            AssertCategoryContract(category);
            Assert.That(created.Headers.Location?.AbsolutePath, Is.EqualTo($"{V2CategoriesPath}/{id}"));
            Assert.That(JsonElement.DeepEquals(readBack, category), Is.True);
            Assert.That(row!.Name, Is.EqualTo(name));
            Assert.That(row.DeletedAt, Is.Not.Null);
        });
    }

    private static string CursorOf(Uri next) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(next.Query)["cursor"].Single()!;

    private async Task<string> SomeNextCursorAsync(string query)
    {
        var categoryId = await NewCategoryIdAsync();
        await CreateProductAsync(categoryId, price: 1m);
        await CreateProductAsync(categoryId, price: 2m);
        using var response = await Client.GetAsync($"{V2ProductsPath}?{query}&limit=1");
        await response.AssertJsonAsync(HttpStatusCode.OK);
        return CursorOf(LinksOf(response)["next"]);
    }

    /// <summary>Every page from <paramref name="firstPage"/> on, following <c>rel="next"</c> until there is none.</summary>
    private async Task<List<JsonElement[]>> WalkAsync(string firstPage)
    {
        var pages = new List<JsonElement[]>();
        Uri? next = new(Client.BaseAddress!, firstPage);
        while (next is not null)
        {
            Assert.That(pages, Has.Count.LessThan(200), "a walk through pages ends");
            using var response = await Client.GetAsync(next);
            var page = await response.AssertJsonAsync(HttpStatusCode.OK);
            pages.Add([.. page.GetProperty("items").EnumerateArray()]);
            next = LinksOf(response).GetValueOrDefault("next");
        }

        return pages;
    }
}
