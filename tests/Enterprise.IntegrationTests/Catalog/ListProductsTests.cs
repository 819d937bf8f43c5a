using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[CoversEndpoint("GET", "api/v{version:apiVersion}/products")]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ListProductsTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string AllowedSortFields = "Allowed fields: name, sku, price, stockQuantity, createdAt, updatedAt";

    [Test]
    public async Task Pages_of_a_category_carry_page_pageSize_and_the_total_and_together_hold_each_product_once()
    {
        var categoryId = await NewCategoryIdAsync();
        var token = Token();
        var ids = new List<Guid>();
        for (var number = 1; number <= 5; number++)
        {
            ids.Add(IdOf(await CreateProductAsync(categoryId, name: $"{token} {number}")));
        }

        var first = await ListAsync($"categoryId={categoryId}&page=1&pageSize=2", expectedPage: 1, expectedPageSize: 2);
        var second = await ListAsync($"categoryId={categoryId}&page=2&pageSize=2", expectedPage: 2, expectedPageSize: 2);
        var third = await ListAsync($"categoryId={categoryId}&page=3&pageSize=2", expectedPage: 3, expectedPageSize: 2);
        var beyond = await ListAsync($"categoryId={categoryId}&page=4&pageSize=2", expectedPage: 4, expectedPageSize: 2);

        Assert.Multiple(() =>
        {
            Assert.That(first.Items.Select(IdOf), Is.EqualTo(ids.Take(2)));
            Assert.That(second.Items.Select(IdOf), Is.EqualTo(ids.Skip(2).Take(2)));
            Assert.That(third.Items.Select(IdOf), Is.EqualTo(ids.Skip(4)));
            Assert.That(beyond.Items, Is.Empty);
            Assert.That(new[] { first, second, third, beyond }.Select(page => page.TotalCount), Is.All.EqualTo(5));
        });
        foreach (var item in first.Items.Concat(second.Items).Concat(third.Items))
        {
            AssertProductContract(item);
        }
    }

    [Test]
    public async Task Without_paging_parameters_the_first_page_of_20_is_returned()
    {
        var categoryId = await NewCategoryIdAsync();
        var created = await CreateProductAsync(categoryId);

        var page = await ListAsync($"categoryId={categoryId}", expectedPage: 1, expectedPageSize: 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Has.Length.EqualTo(1));
            Assert.That(JsonElement.DeepEquals(page.Items[0], created), Is.True, "a list item is the product as created");
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [TestCase(1, 100)]
    [TestCase(21474836, 100)]
    public async Task The_largest_page_size_and_page_number_are_accepted(int pageNumber, int pageSize)
    {
        var categoryId = await NewCategoryIdAsync();
        await CreateProductAsync(categoryId);

        var page = await ListAsync($"categoryId={categoryId}&page={pageNumber}&pageSize={pageSize}", pageNumber, pageSize);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Has.Length.EqualTo(pageNumber == 1 ? 1 : 0));
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [TestCase("page=0", "page")]
    [TestCase("page=-1", "page")]
    [TestCase("page=21474837&pageSize=100", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    [TestCase("page=0&pageSize=101", "page,pageSize")]
    public async Task Paging_out_of_range_is_400_naming_each_parameter(string query, string fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        using var response = await Client.GetAsync($"{ProductsPath}?{query}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorFields(problem), Is.EquivalentTo(fields.Split(',')));
    }

    [TestCase("page=abc", "page")]
    [TestCase("pageSize=2.5", "pageSize")]
    [TestCase("categoryId=not-a-guid", "categoryId")]
    public async Task A_query_value_of_the_wrong_type_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?{query}");

        var problem = await response.AssertUnreadableRequestAsync();
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Filtering_by_category_returns_only_that_categorys_products()
    {
        var categoryId = await NewCategoryIdAsync();
        var otherCategoryId = await NewCategoryIdAsync();
        var mine = IdOf(await CreateProductAsync(categoryId));
        await CreateProductAsync(otherCategoryId);

        var page = await ListAsync($"categoryId={categoryId}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { mine }));
            Assert.That(page.Items.Select(item => item.GetProperty("categoryId").GetGuid()), Is.All.EqualTo(categoryId));
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Filtering_by_an_unknown_category_is_an_empty_page()
    {
        var page = await ListAsync($"categoryId={Guid.NewGuid()}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.TotalCount, Is.Zero);
        });
    }

    [Test]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task Archived_products_are_left_out_of_items_totalCount_and_search_results()
    {
        var categoryId = await NewCategoryIdAsync();
        var token = Token();
        var active = IdOf(await CreateProductAsync(categoryId, name: $"{token} active"));
        var archived = IdOf(await CreateProductAsync(categoryId, name: $"{token} archived"));
        await ArchiveAsync(archived);

        var inCategory = await ListAsync($"categoryId={categoryId}", 1, 20);
        var searched = await ListAsync($"q={token}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(inCategory.Items.Select(IdOf), Is.EqualTo(new[] { active }));
            Assert.That(inCategory.TotalCount, Is.EqualTo(1));
            Assert.That(searched.Items.Select(IdOf), Is.EqualTo(new[] { active }));
            Assert.That(searched.TotalCount, Is.EqualTo(1));
        });
    }

    [TestCase("bLuE wIdGeT")]
    [TestCase("BLUE")]
    [TestCase("  blue widget  ")]
    public async Task Search_matches_text_in_the_name_whatever_its_case(string q)
    {
        var categoryId = await NewCategoryIdAsync();
        var blue = IdOf(await CreateProductAsync(categoryId, name: "Blue Widget Deluxe"));
        await CreateProductAsync(categoryId, name: "Red Gadget");

        var page = await ListAsync($"categoryId={categoryId}&q={Uri.EscapeDataString(q)}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { blue }));
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Search_matches_text_in_the_SKU_whatever_its_case_and_across_categories()
    {
        var token = Token();
        var wanted = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), sku: $"{token}-XY-77", name: "Plain name"));
        await CreateProductAsync(await NewCategoryIdAsync(), sku: $"{token}-ZZ-77", name: "Plain name");

        var page = await ListAsync($"q={token.ToLowerInvariant()}-xy", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { wanted }));
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Search_does_not_look_in_the_description()
    {
        var categoryId = await NewCategoryIdAsync();
        await CreateProductAsync(categoryId);

        var page = await ListAsync($"categoryId={categoryId}&q=created%20by%20a%20test", 1, 20);

        Assert.That(page.TotalCount, Is.Zero, "CreateProductAsync's description is 'Created by a test'");
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_search_filters_nothing(string q)
    {
        var categoryId = await NewCategoryIdAsync();
        await CreateProductAsync(categoryId);
        await CreateProductAsync(categoryId);

        var page = await ListAsync($"categoryId={categoryId}&q={Uri.EscapeDataString(q)}", 1, 20);

        Assert.That(page.TotalCount, Is.EqualTo(2));
    }

    [TestCase("100% Cotton", "1000 Cotton", "100%")]
    [TestCase("snake_case", "snakeXcase", "e_c")]
    [TestCase(@"back\slash", "backslash", @"k\s")]
    [TestCase("50%_off", "50 percent off", "%_")]
    public async Task Search_treats_LIKE_wildcards_and_the_escape_character_literally(string matching, string lookalike, string q)
    {
        var categoryId = await NewCategoryIdAsync();
        var wanted = IdOf(await CreateProductAsync(categoryId, name: matching));
        await CreateProductAsync(categoryId, name: lookalike);

        var page = await ListAsync($"categoryId={categoryId}&q={Uri.EscapeDataString(q)}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { wanted }));
            Assert.That(page.TotalCount, Is.EqualTo(1));
        });
    }

    [TestCase("Ärmel Shirt", "ärmel")]
    [TestCase("Crème Brûlée", "CRÈME BRÛLÉE")]
    public async Task Search_is_case_insensitive_for_letters_beyond_ASCII_too(string name, string q)
    {
        var categoryId = await NewCategoryIdAsync();
        var wanted = IdOf(await CreateProductAsync(categoryId, name: name));

        var page = await ListAsync($"categoryId={categoryId}&q={Uri.EscapeDataString(q)}", 1, 20);

        Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { wanted }));
    }

    [Test]
    public async Task A_search_of_100_characters_is_accepted()
    {
        var categoryId = await NewCategoryIdAsync();

        var page = await ListAsync($"categoryId={categoryId}&q={new string('q', 100)}", 1, 20);

        Assert.That(page.TotalCount, Is.Zero);
    }

    [Test]
    public async Task A_search_longer_than_100_characters_is_400_naming_q_the_parameter_the_caller_sent()
    {
        using var response = await Client.GetAsync($"{ProductsPath}?q={new string('q', 101)}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "q" }));
    }

    // Products 1..4, created in that order: name Alpha/Charlie/Bravo/Delta, SKU C/A/B/D, price 20/30/10/10, stock 1/3/2/5.
    [TestCase(null, "1,3,2,4")]
    [TestCase("name", "1,3,2,4")]
    [TestCase("-name", "4,2,3,1")]
    [TestCase("sku", "2,3,1,4")]
    [TestCase("price", "3,4,1,2")]
    [TestCase("-price", "2,1,3,4")]
    [TestCase("-stockQuantity", "4,2,3,1")]
    [TestCase("createdAt", "1,2,3,4")]
    [TestCase("-createdAt", "4,3,2,1")]
    [TestCase("-updatedAt", "4,3,2,1")]
    [TestCase("price,-name", "4,3,1,2")]
    [TestCase("-price, name", "2,1,3,4")]
    [TestCase("price,sku,-stockQuantity,name", "3,4,1,2")]
    public async Task Sorting_orders_by_each_term_in_turn_then_by_id(string? sort, string expectedOrder)
    {
        ArgumentNullException.ThrowIfNull(expectedOrder);
        var categoryId = await NewCategoryIdAsync();
        var token = Token();
        (string Name, string Sku, decimal Price, int Stock)[] specs =
        [
            ("Alpha", "C", 20m, 1),
            ("Charlie", "A", 30m, 3),
            ("Bravo", "B", 10m, 2),
            ("Delta", "D", 10m, 5),
        ];
        var ids = new List<Guid>();
        foreach (var (name, sku, price, stock) in specs)
        {
            ids.Add(IdOf(await CreateProductAsync(categoryId, sku: $"{token}-{sku}", price: price, stockQuantity: stock, name: $"{token} {name}")));
        }

        var sortQuery = sort is null ? string.Empty : $"&sort={Uri.EscapeDataString(sort)}";
        var page = await ListAsync($"categoryId={categoryId}{sortQuery}", 1, 20);

        var expected = expectedOrder.Split(',').Select(position => ids[int.Parse(position, System.Globalization.CultureInfo.InvariantCulture) - 1]);
        Assert.That(page.Items.Select(IdOf), Is.EqualTo(expected));
    }

    [Test]
    public async Task Sorting_by_name_ignores_case_in_every_script()
    {
        var categoryId = await NewCategoryIdAsync();
        var zulu = IdOf(await CreateProductAsync(categoryId, name: "Zulu"));
        var alpha = IdOf(await CreateProductAsync(categoryId, name: "alpha"));
        var eclair = IdOf(await CreateProductAsync(categoryId, name: "éclair"));
        var echo = IdOf(await CreateProductAsync(categoryId, name: "Écho"));

        var page = await ListAsync($"categoryId={categoryId}&sort=name", 1, 20);

        // Folded upper-case names order by code point: ALPHA, ZULU, ÉCHO, ÉCLAIR.
        Assert.That(page.Items.Select(IdOf), Is.EqualTo(new[] { alpha, zulu, echo, eclair }));
    }

    [Test]
    public async Task Equal_sort_keys_keep_a_stable_order_across_pages()
    {
        var categoryId = await NewCategoryIdAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(IdOf(await CreateProductAsync(categoryId, price: 7m)));
        }

        var walked = new List<Guid>();
        for (var pageNumber = 1; pageNumber <= 3; pageNumber++)
        {
            walked.AddRange((await ListAsync($"categoryId={categoryId}&sort=price&page={pageNumber}&pageSize=2", pageNumber, 2)).Items.Select(IdOf));
        }

        Assert.That(walked, Is.EqualTo(ids.Order()), "ties are broken by id, so every product shows once");
    }

    [TestCase("colour", "colour")]
    [TestCase("-colour", "-colour")]
    [TestCase("name,description", "description")]
    [TestCase("name,", "''")]
    public async Task An_unknown_sort_field_is_400_naming_it_and_the_allowed_fields(string sort, string named)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?sort={Uri.EscapeDataString(sort)}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "sort" }));
            Assert.That(ErrorMessages(problem, "sort").Single(), Does.Contain(named).And.Contain(AllowedSortFields));
        });
    }

    [TestCase("name,-name", "more than once")]
    [TestCase("name,sku,price,stockQuantity,createdAt", "At most 4")]
    public async Task A_repeated_field_or_too_many_sort_terms_is_400_naming_sort(string sort, string message)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?sort={Uri.EscapeDataString(sort)}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorMessages(problem, "sort").Single(), Does.Contain(message));
    }

    [Test]
    public async Task Links_name_the_first_prev_next_and_last_pages_of_the_same_filtered_sorted_list()
    {
        var categoryId = await NewCategoryIdAsync();
        for (var number = 1; number <= 5; number++)
        {
            await CreateProductAsync(categoryId, price: number);
        }

        using var response = await Client.GetAsync($"{ProductsPath}?categoryId={categoryId}&sort=-price&page=2&pageSize=2");

        await response.AssertJsonAsync(HttpStatusCode.OK);
        var links = PageLinksOf(response);
        Assert.That(links.Keys, Is.EquivalentTo(new[] { "first", "prev", "next", "last" }));
        Assert.Multiple(() =>
        {
            Assert.That(links["first"].Query, Does.Contain("page=1&").And.Contain("pageSize=2"));
            Assert.That(links["prev"].Query, Does.Contain("page=1&"));
            Assert.That(links["next"].Query, Does.Contain("page=3&"));
            Assert.That(links["last"].Query, Does.Contain("page=3&"));
            foreach (var link in links.Values)
            {
                Assert.That(link.IsAbsoluteUri && link.AbsolutePath == ProductsPath, Is.True, link.ToString());
                Assert.That(link.Query, Does.Contain($"categoryId={categoryId}").And.Contain("sort=-price"));
            }
        });

        using var next = await Client.GetAsync(links["next"]);
        var nextPage = await next.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(nextPage.GetProperty("page").GetInt32(), Is.EqualTo(3));
            Assert.That(nextPage.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 1m }));
            Assert.That(PageLinksOf(next).Keys, Is.EquivalentTo(new[] { "first", "prev", "last" }), "no next after the last page");
        });
    }

    [Test]
    public async Task An_empty_list_links_its_only_page_as_first_and_last()
    {
        using var response = await Client.GetAsync($"{ProductsPath}?categoryId={Guid.NewGuid()}");

        await response.AssertJsonAsync(HttpStatusCode.OK);
        var links = PageLinksOf(response);
        Assert.Multiple(() =>
        {
            Assert.That(links.Keys, Is.EquivalentTo(new[] { "first", "last" }));
            Assert.That(links["last"].Query, Does.Contain("page=1&"));
        });
    }

    [Test]
    public async Task Price_bounds_are_inclusive_and_combine_with_the_other_filters()
    {
        var categoryId = await NewCategoryIdAsync();
        foreach (var price in new[] { 5m, 10m, 12.5m, 15m, 20m })
        {
            await CreateProductAsync(categoryId, price: price);
        }

        var page = await ListAsync($"categoryId={categoryId}&minPrice=10&maxPrice=15&sort=price", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(item => item.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 10m, 12.5m, 15m }));
            Assert.That(page.TotalCount, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Status_archived_lists_only_archived_products_and_active_is_the_default()
    {
        var categoryId = await NewCategoryIdAsync();
        var active = IdOf(await CreateProductAsync(categoryId));
        var archived = IdOf(await CreateProductAsync(categoryId));
        await ArchiveAsync(archived);

        var archivedPage = await ListAsync($"categoryId={categoryId}&status=archived", 1, 20);
        var activePage = await ListAsync($"categoryId={categoryId}&status=active", 1, 20);
        var defaultPage = await ListAsync($"categoryId={categoryId}", 1, 20);

        Assert.Multiple(() =>
        {
            Assert.That(archivedPage.Items.Select(IdOf), Is.EqualTo(new[] { archived }));
            Assert.That(archivedPage.Items.Single().GetProperty("status").GetString(), Is.EqualTo("archived"));
            Assert.That(activePage.Items.Select(IdOf), Is.EqualTo(new[] { active }));
            Assert.That(defaultPage.Items.Select(IdOf), Is.EqualTo(new[] { active }));
        });
    }

    [TestCase("minPrice=-1", "minPrice")]
    [TestCase("maxPrice=1.00001", "maxPrice")]
    [TestCase("minPrice=100000000000000", "minPrice")]
    [TestCase("minPrice=10&maxPrice=9.99", "maxPrice")]
    public async Task An_invalid_filter_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?{query}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    [TestCase("minPrice=cheap", "minPrice")]
    [TestCase("status=gone", "status")]
    [TestCase("status=5", "status")]
    public async Task A_filter_value_of_the_wrong_type_is_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?{query}");

        var problem = await response.AssertUnreadableRequestAsync();
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
    }

    private static string Token() => $"L{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    private async Task<Page> ListAsync(string query, int expectedPage, int expectedPageSize)
    {
        using var response = await Client.GetAsync($"{ProductsPath}?{query}");
        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        var items = AssertPage(page, expectedPage, expectedPageSize);
        return new Page(items, page.GetProperty("totalCount").GetInt32());
    }

    private sealed record Page(JsonElement[] Items, int TotalCount);
}
