using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>
/// Category lists cannot be filtered, so these tests read every page and assert on the categories they
/// made and on the list's own consistency (order, totals, pages), never on a fixed total.
/// </summary>
[CoversEndpoint("GET", "api/v{version:apiVersion}/categories")]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ListCategoriesTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    [Test]
    public async Task Categories_are_listed_by_slug_with_the_total_and_each_item_in_the_contract()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var charlie = await CreateCategoryAsync($"{token} Charlie");
        var alpha = await CreateCategoryAsync($"{token} alpha");
        var bravo = await CreateCategoryAsync($"{token} BRAVO");

        var (items, totalCount) = await ReadAllAsync(pageSize: 100);

        Assert.Multiple(() =>
        {
            Assert.That(totalCount, Is.EqualTo(items.Count));
            Assert.That(items.Select(Slug), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
            Assert.That(items.Select(IdOf).Where(new[] { IdOf(alpha), IdOf(bravo), IdOf(charlie) }.Contains), Is.EqualTo(new[] { IdOf(alpha), IdOf(bravo), IdOf(charlie) }));
            Assert.That(JsonElement.DeepEquals(items.Single(item => IdOf(item) == IdOf(bravo)), bravo), Is.True, "a list item is the category as created");
        });
        foreach (var item in items)
        {
            AssertCategoryContract(item);
        }
    }

    [Test]
    public async Task Small_pages_carry_page_pageSize_and_the_total_and_together_equal_the_whole_list()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateCategoryAsync();
        }

        var (whole, totalCount) = await ReadAllAsync(pageSize: 100);
        var (paged, pagedTotal) = await ReadAllAsync(pageSize: 2);

        Assert.Multiple(() =>
        {
            Assert.That(pagedTotal, Is.EqualTo(totalCount));
            Assert.That(paged.Select(IdOf), Is.EqualTo(whole.Select(IdOf)));
        });
    }

    [Test]
    public async Task Without_paging_parameters_the_first_page_of_20_is_returned()
    {
        await CreateCategoryAsync();

        using var response = await Client.GetAsync(CategoriesPath);

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        var items = AssertPage(page, 1, 20);
        Assert.That(items, Has.Length.EqualTo(Math.Min(20, page.GetProperty("totalCount").GetInt32())));
    }

    [Test]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/categories/{id:guid}")]
    public async Task A_deleted_category_leaves_the_items_and_the_total()
    {
        var doomed = IdOf(await CreateCategoryAsync());
        var (before, totalBefore) = await ReadAllAsync(pageSize: 100);
        using (var deleted = await Client.DeleteAsync(CategoryPath(doomed)))
        {
            await deleted.AssertNoContentAsync();
        }

        var (after, totalAfter) = await ReadAllAsync(pageSize: 100);

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(IdOf), Does.Contain(doomed));
            Assert.That(after.Select(IdOf), Does.Not.Contain(doomed));
            Assert.That(totalAfter, Is.EqualTo(totalBefore - 1));
        });
    }

    [TestCase("page=0", "page")]
    [TestCase("page=21474837", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    public async Task Paging_out_of_range_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{CategoriesPath}?{query}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
            Assert.That(ErrorMessages(problem, field).Single(), Does.StartWith($"'{field}'"), "named as the caller sent it");
        });
    }

    [TestCase("page=first", "page")]
    [TestCase("pageSize=ten", "pageSize")]
    public async Task A_paging_value_that_is_not_a_number_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{CategoriesPath}?{query}");

        var problem = await response.AssertUnreadableRequestAsync();
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    private static string? Slug(JsonElement category) => category.GetProperty("slug").GetString();

    private async Task<(List<JsonElement> Items, int TotalCount)> ReadAllAsync(int pageSize)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            using var response = await Client.GetAsync($"{CategoriesPath}?page={page}&pageSize={pageSize}");
            var body = await response.AssertJsonAsync(HttpStatusCode.OK);
            var pageItems = AssertPage(body, page, pageSize);
            items.AddRange(pageItems);
            if (pageItems.Length < pageSize)
            {
                return (items, body.GetProperty("totalCount").GetInt32());
            }
        }
    }

    [Test]
    public async Task Links_name_the_first_next_and_last_pages()
    {
        await CreateCategoryAsync();
        await CreateCategoryAsync();

        using var response = await Client.GetAsync($"{CategoriesPath}?page=1&pageSize=1");

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        var links = PageLinksOf(response);
        Assert.Multiple(() =>
        {
            Assert.That(links.Keys, Is.EquivalentTo(new[] { "first", "next", "last" }));
            Assert.That(links["next"].Query, Is.EqualTo("?page=2&pageSize=1"));
            Assert.That(links["last"].Query, Is.EqualTo($"?page={page.GetProperty("totalCount").GetInt32()}&pageSize=1"));
        });
    }
}
