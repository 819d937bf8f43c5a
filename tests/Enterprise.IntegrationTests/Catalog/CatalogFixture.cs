using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>
/// Base for the Catalog fixtures: raw HTTP sends (any body, any content type), valid request bodies to
/// start from, and snapshots of what the database holds, to compare before and after a request.
/// </summary>
public abstract class CatalogFixture(DatabaseUnderTest database) : ApiFixture(database)
{
    public const string ProductsPath = "/api/v1/products";
    public const string CategoriesPath = "/api/v1/categories";
    public const string V2ProductsPath = "/api/v2/products";
    public const string V2CategoriesPath = "/api/v2/categories";
    public const string JsonMediaType = "application/json";

    protected static string ProductPath(Guid id) => $"{ProductsPath}/{id}";

    protected static string StockAdjustmentsPath(Guid id) => $"{ProductsPath}/{id}/stock-adjustments";

    protected static string CategoryPath(Guid id) => $"{CategoriesPath}/{id}";

    protected static Guid IdOf(JsonElement resource) => resource.GetProperty("id").GetGuid();

    /// <summary>A body that creates or replaces a product; change or remove members to make it invalid.</summary>
    protected static JsonObject ProductBody(
        Guid categoryId,
        string? sku = null,
        string? name = null,
        decimal price = 10m,
        string currency = "EUR",
        int stockQuantity = 5,
        string? description = "A product made by a test") => new()
        {
            ["sku"] = sku ?? UniqueSku(),
            ["name"] = name ?? UniqueName("Product"),
            ["description"] = description,
            ["price"] = price,
            ["currency"] = currency,
            ["stockQuantity"] = stockQuantity,
            ["categoryId"] = categoryId,
        };

    protected static JsonObject StockAdjustmentBody(int quantity, string reason = "Counted by a test") => new()
    {
        ["quantity"] = quantity,
        ["reason"] = reason,
    };

    protected static JsonObject CategoryBody(string name) => new() { ["name"] = name };

    /// <summary>Sends <paramref name="body"/> exactly as given, with the given content type (none when null).</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? contentType = JsonMediaType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Sends one header exactly as given (malformed values are part of what is tested), with an optional body.</summary>
    protected async Task<HttpResponseMessage> SendWithHeaderAsync(
        HttpMethod method,
        string path,
        string header,
        string value,
        string? body = null,
        string contentType = JsonMediaType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        Assert.That(request.Headers.TryAddWithoutValidation(header, value), Is.True, header);
        return await Client.SendAsync(request);
    }

    protected static string? EntityTagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : null;

    protected Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, JsonNode body) =>
        SendAsync(method, path, body.ToJsonString());

    protected async Task<Guid> NewCategoryIdAsync() => IdOf(await CreateCategoryAsync());

    protected async Task<Guid> DeletedCategoryIdAsync()
    {
        var categoryId = await NewCategoryIdAsync();
        using var deleted = await Client.DeleteAsync(CategoryPath(categoryId));
        Assert.That(deleted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
        return categoryId;
    }

    protected async Task ArchiveAsync(Guid productId)
    {
        using var archived = await Client.DeleteAsync(ProductPath(productId));
        Assert.That(archived.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
    }

    protected Task<ProductRow?> ProductRowAsync(Guid id) =>
        Factory.QueryDatabaseAsync(async db =>
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id);
            return product is null ? null : ProductRow.From(product);
        });

    protected Task<IReadOnlyList<ProductRow>> ProductRowsWithSkuAsync(string sku) =>
        Factory.QueryDatabaseAsync<IReadOnlyList<ProductRow>>(async db =>
            [.. (await db.Products.AsNoTracking().Where(row => row.Sku == sku).ToListAsync()).Select(ProductRow.From)]);

    protected Task<int> ProductRowCountAsync() => Factory.QueryDatabaseAsync(db => db.Products.CountAsync());

    protected Task<CategoryRow?> CategoryRowAsync(Guid id) =>
        Factory.QueryDatabaseAsync(async db =>
        {
            var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id);
            return category is null ? null : CategoryRow.From(category);
        });

    protected Task<IReadOnlyList<CategoryRow>> CategoryRowsWithSlugAsync(string slug) =>
        Factory.QueryDatabaseAsync<IReadOnlyList<CategoryRow>>(async db =>
            [.. (await db.Categories.AsNoTracking().Where(row => row.Slug == slug).ToListAsync()).Select(CategoryRow.From)]);

    protected Task<int> CategoryRowCountAsync() => Factory.QueryDatabaseAsync(db => db.Categories.CountAsync());
}

/// <summary>A stored product, every column, so two snapshots compare with one equality.</summary>
public sealed record ProductRow(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    decimal Price,
    string Currency,
    int StockQuantity,
    Guid CategoryId,
    ProductStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public static ProductRow From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(
            product.Id,
            product.Sku,
            product.Name,
            product.Description,
            product.Price.Amount,
            product.Price.Currency,
            product.StockQuantity,
            product.CategoryId,
            product.Status,
            product.CreatedAt,
            product.UpdatedAt,
            product.Version);
    }
}

public sealed record CategoryRow(Guid Id, string Name, string Slug, DateTime? DeletedAt, long Version)
{
    public static CategoryRow From(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new(category.Id, category.Name, category.Slug, category.DeletedAt, category.Version);
    }
}
