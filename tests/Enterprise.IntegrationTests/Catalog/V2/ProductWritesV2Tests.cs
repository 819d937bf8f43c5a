using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog.V2;

/// <summary>
/// Products in v2: the price is an object on the wire; every write to an existing product requires <c>If-Match</c>
/// (428 without it, 412 when stale, nothing written either way); PATCH takes a JSON Merge Patch validated like a PUT.
/// </summary>
[CoversEndpoint("POST", ProductsRoute, Version = 2)]
[CoversEndpoint("GET", ProductRoute, Version = 2)]
[CoversEndpoint("PUT", ProductRoute, Version = 2)]
[CoversEndpoint("PATCH", ProductRoute, Version = 2)]
[CoversEndpoint("DELETE", ProductRoute, Version = 2)]
[CoversEndpoint("POST", StockAdjustmentsRoute, Version = 2)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ProductWritesV2Tests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string ProductsRoute = "api/v{version:apiVersion}/products";
    private const string ProductRoute = "api/v{version:apiVersion}/products/{id:guid}";
    private const string StockAdjustmentsRoute = "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments";
    private const string MergePatch = "application/merge-patch+json";

    private static readonly string[] V2ProductMembers =
        ["id", "sku", "name", "description", "price", "stockQuantity", "categoryId", "status", "createdAt", "updatedAt"];

    public enum ProductWrite
    {
        Replace,
        Patch,
        Archive,
        AdjustStock,
    }

    [Test]
    public async Task Create_takes_and_returns_the_price_as_an_object_and_points_at_the_v2_product()
    {
        var body = V2ProductBody(await NewCategoryIdAsync(), amount: 12.5m, currency: "USD");

        using var response = await SendJsonAsync(HttpMethod.Post, V2ProductsPath, body);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = IdOf(created);
        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            AssertV2Product(created);
            Assert.That(created.GetProperty("price").GetProperty("amount").GetDecimal(), Is.EqualTo(12.5m));
            Assert.That(created.GetProperty("price").GetProperty("currency").GetString(), Is.EqualTo("USD"));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"{V2ProductsPath}/{id}"));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"1\""));
            Assert.That(row!.Price, Is.EqualTo(12.5m));
            Assert.That(row.Currency, Is.EqualTo("USD"));
            Assert.That(row.Sku, Is.EqualTo(body["sku"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task The_same_product_has_the_v1_shape_in_v1_and_the_v2_shape_in_v2()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), price: 7.25m));

        using var v1 = await Client.GetAsync(ProductPath(id));
        using var v2 = await Client.GetAsync(V2ProductPath(id));

        var v1Product = await v1.AssertJsonAsync(HttpStatusCode.OK);
        var v2Product = await v2.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            AssertProductContract(v1Product);
            AssertV2Product(v2Product);
            Assert.That(v1Product.GetProperty("price").GetDecimal(), Is.EqualTo(7.25m));
            Assert.That(v2Product.GetProperty("price").GetProperty("amount").GetDecimal(), Is.EqualTo(7.25m));
            Assert.That(v2Product.GetProperty("price").GetProperty("currency").GetString(), Is.EqualTo(v1Product.GetProperty("currency").GetString()));
            Assert.That(EntityTagOf(v2), Is.EqualTo(EntityTagOf(v1)), "one resource, one version, one tag");
        });
    }

    [Test]
    public async Task Get_with_the_current_tag_in_if_none_match_is_304_without_a_body()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));

        using var response = await SendWithHeaderAsync(HttpMethod.Get, V2ProductPath(id), "If-None-Match", "\"1\"");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(EntityTagOf(response), Is.EqualTo("\"1\""));
        });
    }

    [Test]
    public async Task A_v1_price_member_is_not_a_v2_body()
    {
        var body = ProductBody(await NewCategoryIdAsync());

        using var response = await SendJsonAsync(HttpMethod.Post, V2ProductsPath, body);

        var problem = await response.AssertUnreadableRequestAsync();
        Assert.That(ErrorFields(problem), Is.Not.Empty);
        Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
    }

    [Test]
    public async Task A_write_without_if_match_is_428_and_writes_nothing([Values] ProductWrite write)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWriteAsync(write, id, ifMatch: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Precondition.Required"));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://www.rfc-editor.org/rfc/rfc6585#section-3"));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_write_with_a_stale_tag_is_412_and_writes_nothing([Values] ProductWrite write)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWriteAsync(write, id, "\"1\"");

        await response.AssertApiProblemAsync(HttpStatusCode.PreconditionFailed, "Precondition.Failed");
        Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_write_with_the_current_tag_succeeds_and_returns_the_next_tag([Values] ProductWrite write)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWriteAsync(write, id, "\"2\"");

        if (write == ProductWrite.Archive)
        {
            await response.AssertNoContentAsync();
        }
        else
        {
            AssertV2Product(await response.AssertJsonAsync(HttpStatusCode.OK));
        }

        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(EntityTagOf(response), Is.EqualTo("\"3\""));
            Assert.That(row!.Version, Is.EqualTo(3));
            Assert.That(row.Status, Is.EqualTo(write == ProductWrite.Archive ? ProductStatus.Archived : ProductStatus.Active));
        });
    }

    [Test]
    public async Task Twenty_parallel_writes_with_the_same_tag_leave_exactly_one_winner_and_nineteen_412s()
    {
        const int writers = 20;
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        var categoryId = await NewCategoryIdAsync();
        var names = Enumerable.Range(1, writers).Select(writer => $"Writer {writer:00} {Guid.NewGuid():N}").ToArray();
        var sku = (await ProductRowAsync(id))!.Sku;

        var responses = await Task.WhenAll(names.Select(name => SendWithHeaderAsync(
            HttpMethod.Put, V2ProductPath(id), "If-Match", "\"1\"", V2ProductBody(categoryId, sku: sku, name: name).ToJsonString())));

        var statuses = responses.Select(response => (int)response.StatusCode).ToArray();
        var winners = responses.Where(response => response.StatusCode == HttpStatusCode.OK).ToArray();
        Assert.That(winners, Has.Length.EqualTo(1), string.Join(", ", statuses));
        foreach (var loser in responses.Except(winners))
        {
            await loser.AssertApiProblemAsync(HttpStatusCode.PreconditionFailed, "Precondition.Failed");
        }

        var winner = await winners[0].ReadJsonAsync();
        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(row!.Name, Is.EqualTo(winner.GetProperty("name").GetString()));
            Assert.That(row.Version, Is.EqualTo(2), "exactly one change landed");
            Assert.That(EntityTagOf(winners[0]), Is.EqualTo("\"2\""));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task A_merge_patch_changes_only_the_members_it_names()
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);
        var patch = new JsonObject { ["name"] = "Renamed by a patch", ["price"] = new JsonObject { ["amount"] = 99.95m } };

        using var response = await PatchAsync(id, patch, "\"2\"");

        var patched = await response.AssertJsonAsync(HttpStatusCode.OK);
        var after = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(patched.GetProperty("name").GetString(), Is.EqualTo("Renamed by a patch"));
            Assert.That(patched.GetProperty("price").GetProperty("amount").GetDecimal(), Is.EqualTo(99.95m));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"3\""));
            Assert.That(after, Is.EqualTo(before! with
            {
                Name = "Renamed by a patch",
                Price = 99.95m,
                UpdatedAt = after!.UpdatedAt,
                Version = 3,
            }), "every other column, currency included, is unchanged");
        });
    }

    [Test]
    public async Task A_merge_patch_null_removes_the_description()
    {
        var id = await ProductChangedOnceAsync();

        using var response = await PatchAsync(id, new JsonObject { ["description"] = null }, "\"2\"");

        var patched = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(patched.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That((await ProductRowAsync(id))!.Description, Is.Null);
        });
    }

    [TestCase("{\"sku\":null}", "body", TestName = "A merge patch removing a required member is 400")]
    [TestCase("{\"price\":{\"amount\":-1}}", "price", TestName = "A merge patch making the price negative is 400")]
    [TestCase("{\"price\":{\"currency\":\"EURO\"}}", "currency", TestName = "A merge patch with an invalid currency is 400")]
    [TestCase("{\"stockQuantity\":\"many\"}", "stockQuantity", TestName = "A merge patch with a mistyped member is 400")]
    [TestCase("{\"colour\":\"red\"}", "colour", TestName = "A merge patch with an unknown member is 400")]
    [TestCase("{\"name\":\"\"}", "name", TestName = "A merge patch with an empty name is 400")]
    public async Task A_merge_patch_is_validated_like_a_full_update(string patch, string field)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWithHeaderAsync(HttpMethod.Patch, V2ProductPath(id), "If-Match", "\"2\"", patch, MergePatch);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(ErrorFields(problem), Does.Contain(field), problem.ToString());
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase("{\"name\":\"a\",\"name\":\"b\"}", TestName = "A merge patch repeating a member is 400 like any repeated member")]
    [TestCase("{\"price\":{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}}", TestName = "A merge patch repeating a nested member is 400 like any repeated member")]
    public async Task A_merge_patch_repeating_a_member_is_rejected_like_a_body_repeating_one(string patch)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWithHeaderAsync(HttpMethod.Patch, V2ProductPath(id), "If-Match", "\"2\"", patch, MergePatch);

        var problem = await response.AssertUnreadableRequestAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(
                problem.GetProperty("errors").EnumerateObject().SelectMany(field => field.Value.EnumerateArray()).Select(message => message.GetString()),
                Does.Contain("A member appears more than once."),
                problem.ToString());
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [TestCase("application/json")]
    [TestCase("application/json-patch+json")]
    public async Task A_patch_in_another_media_type_is_415_naming_merge_patch(string contentType)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWithHeaderAsync(HttpMethod.Patch, V2ProductPath(id), "If-Match", "\"2\"", "{\"name\":\"x\"}", contentType);

        await response.AssertApiProblemAsync(HttpStatusCode.UnsupportedMediaType, "Request.UnsupportedMediaType");
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.GetValues("Accept-Patch"), Is.EqualTo(new[] { MergePatch }));
            Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_patch_of_an_unknown_product_is_404()
    {
        using var response = await PatchAsync(Guid.NewGuid(), new JsonObject { ["name"] = "x" }, "\"1\"");

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
    }

    private static string V2ProductPath(Guid id) => $"{V2ProductsPath}/{id}";

    private static JsonObject V2ProductBody(Guid categoryId, string? sku = null, string? name = null, decimal amount = 10m, string currency = "EUR") => new()
    {
        ["sku"] = sku ?? UniqueSku(),
        ["name"] = name ?? UniqueName("Product"),
        ["description"] = "A product made by a v2 test",
        ["price"] = new JsonObject { ["amount"] = amount, ["currency"] = currency },
        ["stockQuantity"] = 5,
        ["categoryId"] = categoryId,
    };

    private static void AssertV2Product(JsonElement product)
    {
        Assert.That(product.EnumerateObject().Select(member => member.Name), Is.EquivalentTo(V2ProductMembers));
        Assert.That(product.GetProperty("price").EnumerateObject().Select(member => member.Name), Is.EquivalentTo(new[] { "amount", "currency" }));
    }

    /// <summary>A product at version 2, so a stale tag (<c>"1"</c>) exists.</summary>
    private async Task<Guid> ProductChangedOnceAsync()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 5));
        using var adjusted = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1));
        await adjusted.AssertJsonAsync(HttpStatusCode.OK);
        return id;
    }

    private Task<HttpResponseMessage> PatchAsync(Guid id, JsonObject patch, string ifMatch) =>
        SendWithHeaderAsync(HttpMethod.Patch, V2ProductPath(id), "If-Match", ifMatch, patch.ToJsonString(), MergePatch);

    private async Task<HttpResponseMessage> SendWriteAsync(ProductWrite write, Guid id, string? ifMatch)
    {
        var (method, path, body, contentType) = write switch
        {
            ProductWrite.Replace => (HttpMethod.Put, V2ProductPath(id), V2ProductBody(await NewCategoryIdAsync()).ToJsonString(), JsonMediaType),
            ProductWrite.Patch => (HttpMethod.Patch, V2ProductPath(id), "{\"stockQuantity\":42}", MergePatch),
            ProductWrite.Archive => (HttpMethod.Delete, V2ProductPath(id), null, JsonMediaType),
            _ => (HttpMethod.Post, $"{V2ProductPath(id)}/stock-adjustments", StockAdjustmentBody(1).ToJsonString(), JsonMediaType),
        };
        return ifMatch is null
            ? await SendAsync(method, path, body, contentType)
            : await SendWithHeaderAsync(method, path, "If-Match", ifMatch, body, contentType);
    }
}
