using System.Net;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Validation;
using Enterprise.Client;
using Enterprise.Client.V1;
using Enterprise.Client.V2;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.IntegrationTests.Ordering;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using V2 = Enterprise.Client.V2.Models;

namespace Enterprise.IntegrationTests.Client;

/// <summary>
/// The typed client (clients/Enterprise.Client, generated from the committed OpenAPI documents) against a running
/// host, the way an internal consumer uses it: Kiota's HttpClient pipeline over the test server, a bearer token, the
/// generated request builders and models, <see cref="ResponseHeaders"/> for the ETag and the next page. A contract
/// change that breaks consumers breaks this test once scripts/client.sh generate has run (and check fails until then).
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class GeneratedClientTests(DatabaseUnderTest database) : OrderingFixture(database)
{
    /// <summary>The paging scenario makes more products than fit a page of this size, so the cursor is followed.</summary>
    private const int PageSize = 2;

    private HttpClient _kiotaHttpClient = null!;
    private EnterpriseV1Client _v1 = null!;
    private EnterpriseV2Client _v2 = null!;

    [OneTimeSetUp]
    public void CreateTypedClients()
    {
        // Kiota's default handlers (headers inspection, retry, redirect) in front of the test server's handler.
        _kiotaHttpClient = Factory.CreateDefaultClient(new Uri("http://localhost"), [.. KiotaClientFactory.CreateDefaultHandlers()]);
        var token = TestTokens.Create("client-consumer", scopes: [TestTokens.WriteScope, OrdersWriteScope]);
        var adapter = new HttpClientRequestAdapter(new BearerToken(token), httpClient: _kiotaHttpClient) { BaseUrl = "http://localhost" };
        _v1 = new EnterpriseV1Client(adapter);
        _v2 = new EnterpriseV2Client(adapter);
    }

    [OneTimeTearDown]
    public void DisposeTypedClients() => _kiotaHttpClient?.Dispose();

    [Test]
    public async Task A_consumer_creates_pages_updates_with_the_etag_and_orders_through_the_generated_client()
    {
        var category = await _v2.Api.V2.Categories.PostAsync(new V2.CategoryCreateRequest { Name = UniqueName("Client category") });
        var categoryId = category!.Id!.Value;

        var created = new ResponseHeaders();
        var product = await _v2.Api.V2.Products.PostAsync(WriteRequest(categoryId, UniqueSku("CL"), "Client product", 12.5), created.Inspect);
        var productId = product!.Id!.Value;
        Assert.Multiple(async () =>
        {
            Assert.That(category.Name, Does.StartWith("Client category"));
            Assert.That(product.Sku, Does.StartWith("CL-"));
            Assert.That(product.Price!.Amount, Is.EqualTo(12.5));
            Assert.That(product.Price.Currency, Is.EqualTo("EUR"));
            Assert.That(product.Status, Is.EqualTo(V2.ProductStatus.Active));
            Assert.That(created.ETag, Is.EqualTo("\"1\""));
            Assert.That((await ProductRowAsync(productId))!.CategoryId, Is.EqualTo(categoryId));
        });

        var others = new[] { 20.0, 30.0 };
        foreach (var price in others)
        {
            await _v2.Api.V2.Products.PostAsync(WriteRequest(categoryId, UniqueSku("CL"), UniqueName("Client product"), price));
        }

        var listed = await EveryPageAsync(categoryId);
        Assert.Multiple(() =>
        {
            Assert.That(listed.Pages, Is.EqualTo(2), $"{others.Length + 1} products in pages of {PageSize}");
            Assert.That(listed.Products.Select(listedProduct => listedProduct.Id), Is.Unique);
            Assert.That(listed.Products.Select(listedProduct => listedProduct.Price!.Amount), Is.EquivalentTo(others.Prepend(12.5)));
        });

        var replacement = WriteRequest(categoryId, product.Sku!, "Client product, renamed", 14.0);
        var replaced = new ResponseHeaders();
        var updated = await _v2.Api.V2.Products[productId].PutAsync(replacement, configuration =>
        {
            configuration.Headers.Add("If-Match", created.ETag!);
            replaced.Inspect(configuration);
        });
        var row = await ProductRowAsync(productId);
        Assert.Multiple(() =>
        {
            Assert.That(updated!.Name, Is.EqualTo("Client product, renamed"));
            Assert.That(updated.Price!.Amount, Is.EqualTo(14.0));
            Assert.That(replaced.ETag, Is.EqualTo("\"2\""));
            Assert.That(row!.Name, Is.EqualTo("Client product, renamed"));
            Assert.That(row.Price, Is.EqualTo(14.0m));
            Assert.That(row.Version, Is.EqualTo(2));
        });

        var stale = Assert.ThrowsAsync<V2.ProblemDetails>(() =>
            _v2.Api.V2.Products[productId].PutAsync(
                WriteRequest(categoryId, product.Sku!, "Lost update", 1.0),
                configuration => configuration.Headers.Add("If-Match", created.ETag!)));
        Assert.Multiple(async () =>
        {
            Assert.That(stale!.ResponseStatusCode, Is.EqualTo((int)HttpStatusCode.PreconditionFailed));
            Assert.That(stale.Status, Is.EqualTo((int)HttpStatusCode.PreconditionFailed));
            Assert.That(stale.Title, Is.Not.Empty);
            Assert.That(stale.Instance, Is.EqualTo($"/api/v2/products/{productId}"));
            Assert.That(stale.Code, Is.EqualTo(VersionPrecondition.Failed.Code), "the stable code reaches the consumer");
            Assert.That(stale.TraceId, Is.Not.Empty);
            Assert.That(await ProductRowAsync(productId), Is.EqualTo(row), "a stale write changes nothing");
        });

        // v1 is deprecated: its generated members are [Obsolete], which is how a consumer learns it; this call is meant.
#pragma warning disable CS0618
        var v1Product = await _v1.Api.V1.Products[productId].GetAsync();
#pragma warning restore CS0618
        Assert.Multiple(() =>
        {
            Assert.That(v1Product!.Name, Is.EqualTo("Client product, renamed"), "v1 reads what v2 wrote");
            Assert.That(v1Product.Price, Is.EqualTo(14.0), "v1's flat price");
            Assert.That(v1Product.Currency, Is.EqualTo("EUR"));
        });

        var idempotencyKey = Guid.NewGuid().ToString();
        var order = new V2.PlaceOrderRequest { Lines = [new V2.OrderLineRequest { ProductId = productId, Quantity = 3 }] };
        var placed = await _v2.Api.V2.Orders.PostAsync(order, configuration => configuration.Headers.Add("Idempotency-Key", idempotencyKey));
        var replayHeaders = new ResponseHeaders();
        var replayed = await _v2.Api.V2.Orders.PostAsync(order, configuration =>
        {
            configuration.Headers.Add("Idempotency-Key", idempotencyKey);
            replayHeaders.Inspect(configuration);
        });
        var orderId = placed!.Id!.Value;
        Assert.Multiple(async () =>
        {
            Assert.That(placed.Status, Is.EqualTo(V2.OrderStatus.Pending));
            Assert.That(placed.CustomerId, Is.EqualTo("client-consumer"));
            Assert.That(placed.Total, Is.EqualTo(42.0));
            Assert.That(placed.Lines!.Single().UnitPrice, Is.EqualTo(14.0));
            Assert.That(replayed!.Id, Is.EqualTo(orderId), "the same key answers the same order");
            Assert.That(replayHeaders.ValueOf("Idempotent-Replayed"), Is.EqualTo("true"));
            Assert.That(await OrderCountOfAsync("client-consumer"), Is.EqualTo(1));
        });

        // Catalog confirms the order asynchronously (outbox, in-process transport): read it until it has left pending.
        V2.OrderResponse? read = null;
        await SettledAsync(async () => (read = await _v2.Api.V2.Orders[orderId].GetAsync())?.Status != V2.OrderStatus.Pending);
        Assert.Multiple(async () =>
        {
            Assert.That(read!.Status, Is.EqualTo(V2.OrderStatus.Confirmed));
            Assert.That(read.Total, Is.EqualTo(42.0));
            Assert.That(read.Lines!.Single().ProductId, Is.EqualTo(productId));
            Assert.That((await OrderRowAsync(orderId))!.Status, Is.EqualTo(Enterprise.Domain.Ordering.OrderStatus.Confirmed));
            Assert.That(await StockOfAsync(productId), Is.EqualTo(2), "5 in stock, 3 reserved");
        });
    }

    [Test]
    public void A_bad_request_surfaces_as_the_validation_problem_with_the_fields_at_fault()
    {
        var problem = Assert.ThrowsAsync<V2.HttpValidationProblemDetails>(() =>
            _v2.Api.V2.Categories.PostAsync(new V2.CategoryCreateRequest { Name = string.Empty }));

        Assert.Multiple(() =>
        {
            Assert.That(problem!.ResponseStatusCode, Is.EqualTo((int)HttpStatusCode.BadRequest));
            Assert.That(problem.Errors!.AdditionalData.Keys, Does.Contain("name").IgnoreCase);
            Assert.That(problem.Code, Is.EqualTo(new ValidationErrors(new Dictionary<string, string[]>()).Code));
            Assert.That(problem.CorrelationId, Is.Not.Empty);
        });
    }

    private static V2.ProductWriteRequest WriteRequest(Guid categoryId, string sku, string name, double price) => new()
    {
        Sku = sku,
        Name = name,
        Description = "Written through the typed client",
        Price = new V2.Price { Amount = price, Currency = "EUR" },
        StockQuantity = 5,
        CategoryId = categoryId,
    };

    /// <summary>Lists the category's products page by page, following each page's <c>Link rel="next"</c> to the end.</summary>
    private async Task<(IReadOnlyList<V2.ProductResponse> Products, int Pages)> EveryPageAsync(Guid categoryId)
    {
        var headers = new ResponseHeaders();
        var page = await _v2.Api.V2.Products.GetAsync(configuration =>
        {
            configuration.QueryParameters.CategoryId = categoryId;
            configuration.QueryParameters.Limit = PageSize;
            headers.Inspect(configuration);
        });
        var products = new List<V2.ProductResponse>(page!.Items!);
        var pages = 1;
        while (headers.NextPage is { } next)
        {
            Assert.That(pages, Is.LessThan(10), "the cursor reaches the end");
            page = await _v2.Api.V2.Products.WithUrl(next.ToString()).GetAsync(headers.Inspect);
            products.AddRange(page!.Items!);
            pages++;
        }

        return (products, pages);
    }

    /// <summary>Sends a fixed bearer token, as a consumer's provider would send the one it obtained.</summary>
    private sealed class BearerToken(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(
            RequestInformation request,
            Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        }
    }
}
