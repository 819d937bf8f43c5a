using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.Domain.Ordering;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// Base for the Ordering fixtures: a client per caller (two customers and an admin, each allowed to write orders, and
/// one without the scope), products to order, orders that have settled (Catalog answered), and the stored rows.
/// </summary>
public abstract class OrderingFixture(DatabaseUnderTest database) : CatalogFixture(database)
{
    public const string OrdersPath = "/api/v2/orders";
    public const string OrdersWriteScope = "orders:write";
    public const string CustomerA = "customer-a";
    public const string CustomerB = "customer-b";
    public const string AdminSubject = "order-admin";

    /// <summary>Far longer than the in-process relay needs; only a lost event comes near it.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    protected HttpClient AliceClient { get; private set; } = null!;

    protected HttpClient BobClient { get; private set; } = null!;

    protected HttpClient AdminClient { get; private set; } = null!;

    /// <summary>Customer A with a token that lacks <c>orders:write</c>.</summary>
    protected HttpClient ReadOnlyClient { get; private set; } = null!;

    protected HttpClient AnonymousClient { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateCallers()
    {
        AliceClient = ClientFor(TestTokens.Create(CustomerA, scopes: [OrdersWriteScope]));
        BobClient = ClientFor(TestTokens.Create(CustomerB, scopes: [OrdersWriteScope]));
        AdminClient = ClientFor(TestTokens.Create(AdminSubject, scopes: [OrdersWriteScope], roles: [TestTokens.AdminRole]));
        ReadOnlyClient = ClientFor(TestTokens.Create(CustomerA, scopes: [TestTokens.WriteScope]));
        AnonymousClient = ClientFor(token: null);
    }

    [OneTimeTearDown]
    public void DisposeCallers()
    {
        // Null when the fixture was skipped before its host started (no server for its database).
        AliceClient?.Dispose();
        BobClient?.Dispose();
        AdminClient?.Dispose();
        ReadOnlyClient?.Dispose();
        AnonymousClient?.Dispose();
    }

    protected static string OrderPath(Guid id) => $"{OrdersPath}/{id}";

    protected static JsonObject OrderBody(params (Guid ProductId, int Quantity)[] lines) => new()
    {
        ["lines"] = new JsonArray([.. lines.Select(line => (JsonNode)new JsonObject { ["productId"] = line.ProductId, ["quantity"] = line.Quantity })]),
    };

    /// <summary>An active product in EUR (or <paramref name="currency"/>) with the given stock.</summary>
    protected async Task<Guid> NewProductAsync(int stockQuantity = 100, decimal price = 10m, string currency = "EUR")
    {
        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, ProductBody(await NewCategoryIdAsync(), price: price, currency: currency, stockQuantity: stockQuantity));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return IdOf(await response.ReadJsonAsync());
    }

    protected static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, JsonNode? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType);
        }

        foreach (var (name, value) in headers)
        {
            Assert.That(request.Headers.TryAddWithoutValidation(name, value), Is.True, name);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Places an order as <paramref name="client"/>'s caller and answers its id, asserting the 202.</summary>
    protected static async Task<Guid> PlaceAsync(HttpClient client, params (Guid ProductId, int Quantity)[] lines)
    {
        using var response = await SendAsync(client, HttpMethod.Post, OrdersPath, OrderBody(lines));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return IdOf(await response.ReadJsonAsync());
    }

    /// <summary>Waits until Catalog's answer has reached the order (it leaves pending), and answers the stored row.</summary>
    protected async Task<OrderRow> SettledAsync(Guid orderId)
    {
        OrderRow? row = null;
        await SettledAsync(async () => (row = await OrderRowAsync(orderId)) is { Status: not OrderStatus.Pending });
        return row!;
    }

    /// <summary>Waits until the product's stock is <paramref name="expected"/>, as events moving it arrive.</summary>
    protected async Task StockSettlesAtAsync(Guid productId, int expected) =>
        await SettledAsync(async () => await StockOfAsync(productId) == expected);

    /// <summary>Polls <paramref name="settled"/> until it holds; fails the test when it still does not after the timeout.</summary>
    protected static async Task SettledAsync(Func<Task<bool>> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (!await settled())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"settles within {SettleTimeout}");
            await Task.Delay(50);
        }
    }

    /// <summary>Places an order as customer A and waits until it is confirmed.</summary>
    protected async Task<Guid> ConfirmedOrderAsync(Guid? productId = null, int quantity = 1, HttpClient? client = null)
    {
        var id = await PlaceAsync(client ?? AliceClient, (productId ?? await NewProductAsync(), quantity));
        Assert.That((await SettledAsync(id)).Status, Is.EqualTo(OrderStatus.Confirmed));
        return id;
    }

    protected Task<OrderRow?> OrderRowAsync(Guid id) =>
        Factory.QueryDatabaseAsync(async db =>
        {
            var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(row => row.Id == id);
            return order is null ? null : OrderRow.From(order);
        });

    protected Task<int> OrderCountOfAsync(string customerId) =>
        Factory.QueryDatabaseAsync(db => db.Set<Order>().CountAsync(order => order.CustomerId == customerId));

    protected async Task<int> StockOfAsync(Guid productId) => (await ProductRowAsync(productId))!.StockQuantity;

    private HttpClient ClientFor(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

/// <summary>A stored order with its lines, every column, so two snapshots compare with one equality.</summary>
public sealed record OrderRow(
    Guid Id,
    string CustomerId,
    OrderStatus Status,
    string? RejectionReason,
    string Currency,
    decimal Total,
    string Lines,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public static OrderRow From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.CustomerId,
            order.Status,
            order.RejectionReason,
            order.Currency,
            order.Total,
            JsonSerializer.Serialize(order.Lines.OrderBy(line => line.ProductId)),
            order.CreatedAt,
            order.UpdatedAt,
            order.Version);
    }
}
