using System.Net;
using System.Text.Json.Nodes;
using Enterprise.Domain.Ordering;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Ordering.OrderingAssertions;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// Orders through HTTP: placing (202, the price snapshot, 422 naming the line, 400 for bad lines), reading with
/// ETags, listing newest first, cancelling and shipping with If-Match, and who may do what: someone else's order is
/// 404 on every route. Catalog's answer travels through the outbox and the in-process transport.
/// </summary>
[CoversEndpoint("POST", OrdersRoute, Version = 2)]
[CoversEndpoint("GET", OrderRoute, Version = 2)]
[CoversEndpoint("POST", CancelRoute, Version = 2)]
[CoversEndpoint("POST", ShipRoute, Version = 2)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class OrdersV2Tests(DatabaseUnderTest database) : OrderingFixture(database)
{
    private const string OrdersRoute = "api/v{version:apiVersion}/orders";
    private const string OrderRoute = "api/v{version:apiVersion}/orders/{id:guid}";
    private const string CancelRoute = "api/v{version:apiVersion}/orders/{id:guid}/cancel";
    private const string ShipRoute = "api/v{version:apiVersion}/orders/{id:guid}/ship";

    private static readonly string[] OrderMembers =
        ["id", "customerId", "status", "rejectionReason", "currency", "total", "lines", "createdAt", "updatedAt"];

    public enum Transition
    {
        Cancel,
        Ship,
    }

    [Test]
    public async Task Placing_an_order_is_202_with_location_etag_and_the_pending_order_priced_from_the_catalog()
    {
        var book = await NewProductAsync(price: 29.99m);
        var pen = await NewProductAsync(price: 12.5m);
        var bookRow = await ProductRowAsync(book);

        using var response = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, OrderBody((book, 2), (pen, 1)));

        var order = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var id = IdOf(order);
        var line = order.GetProperty("lines")[0];
        var row = await OrderRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(order.EnumerateObject().Select(member => member.Name), Is.EquivalentTo(OrderMembers));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(OrderPath(id)));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"1\""));
            Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("pending"));
            Assert.That(order.GetProperty("customerId").GetString(), Is.EqualTo(CustomerA));
            Assert.That(order.GetProperty("currency").GetString(), Is.EqualTo("EUR"));
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(72.48m));
            Assert.That(line.GetProperty("productId").GetGuid(), Is.EqualTo(book));
            Assert.That(line.GetProperty("sku").GetString(), Is.EqualTo(bookRow!.Sku));
            Assert.That(line.GetProperty("name").GetString(), Is.EqualTo(bookRow.Name));
            Assert.That(line.GetProperty("unitPrice").GetDecimal(), Is.EqualTo(29.99m));
            Assert.That(line.GetProperty("quantity").GetInt32(), Is.EqualTo(2));
            Assert.That(line.GetProperty("lineTotal").GetDecimal(), Is.EqualTo(59.98m));
            Assert.That(row!.CustomerId, Is.EqualTo(CustomerA));
            Assert.That(row.Total, Is.EqualTo(72.48m));
            Assert.That(row.Currency, Is.EqualTo("EUR"));
        });
    }

    [Test]
    public async Task A_placed_order_is_confirmed_and_the_stock_is_reserved()
    {
        var product = await NewProductAsync(stockQuantity: 10);

        var id = await PlaceAsync(AliceClient, (product, 3));

        var settled = await SettledAsync(id);
        using var read = await AliceClient.GetAsync(OrderPath(id));
        var order = await read.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(settled.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(settled.Version, Is.EqualTo(2));
            Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(EntityTagOf(read), Is.EqualTo("\"2\""));
            Assert.That(await StockOfAsync(product), Is.EqualTo(7));
        });
    }

    [Test]
    public async Task An_order_for_more_than_the_stock_is_rejected_with_the_reason_and_no_stock_moves()
    {
        var plenty = await NewProductAsync(stockQuantity: 10);
        var scarce = await NewProductAsync(stockQuantity: 1);

        var id = await PlaceAsync(AliceClient, (plenty, 2), (scarce, 2));

        var settled = await SettledAsync(id);
        Assert.Multiple(async () =>
        {
            Assert.That(settled.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(settled.RejectionReason, Is.Not.Empty);
            Assert.That(await StockOfAsync(plenty), Is.EqualTo(10), "all lines or none");
            Assert.That(await StockOfAsync(scarce), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Cancelling_a_confirmed_order_gives_its_stock_back()
    {
        var product = await NewProductAsync(stockQuantity: 10);
        var id = await ConfirmedOrderAsync(product, quantity: 4);
        Assert.That(await StockOfAsync(product), Is.EqualTo(6));

        using var response = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "\"2\""));

        var order = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"3\""));
        });
        await StockSettlesAtAsync(product, 10);
        Assert.That((await OrderRowAsync(id))!.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task An_admin_ships_a_confirmed_order_and_gets_the_next_tag()
    {
        var id = await ConfirmedOrderAsync();

        using var response = await SendAsync(AdminClient, HttpMethod.Post, $"{OrderPath(id)}/ship", headers: ("If-Match", "\"2\""));

        var order = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(order.GetProperty("status").GetString(), Is.EqualTo("shipped"));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"3\""));
            Assert.That((await OrderRowAsync(id))!.Status, Is.EqualTo(OrderStatus.Shipped));
        });
    }

    [Test]
    public async Task A_transition_the_status_does_not_allow_is_409_naming_both_statuses()
    {
        var rejected = await PlaceAsync(AliceClient, (await NewProductAsync(stockQuantity: 0), 1));
        Assert.That((await SettledAsync(rejected)).Status, Is.EqualTo(OrderStatus.Rejected));
        var before = await OrderRowAsync(rejected);

        using var ship = await SendAsync(AdminClient, HttpMethod.Post, $"{OrderPath(rejected)}/ship", headers: ("If-Match", "*"));
        using var cancel = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(rejected)}/cancel", headers: ("If-Match", "*"));

        var shipProblem = await ship.AssertApiProblemAsync(HttpStatusCode.Conflict, "Order.InvalidTransition");
        var cancelProblem = await cancel.AssertApiProblemAsync(HttpStatusCode.Conflict, "Order.InvalidTransition");
        Assert.Multiple(async () =>
        {
            Assert.That(shipProblem.GetProperty("detail").GetString(), Is.EqualTo("An order cannot go from rejected to shipped."));
            Assert.That(cancelProblem.GetProperty("detail").GetString(), Is.EqualTo("An order cannot go from rejected to cancelled."));
            Assert.That(await OrderRowAsync(rejected), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_cancelled_order_cannot_be_cancelled_again()
    {
        var id = await ConfirmedOrderAsync();
        using var first = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "\"2\""));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var second = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "\"3\""));

        var problem = await second.AssertApiProblemAsync(HttpStatusCode.Conflict, "Order.InvalidTransition");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("An order cannot go from cancelled to cancelled."));
    }

    [Test]
    public async Task A_transition_without_if_match_is_428_and_changes_nothing([Values] Transition transition)
    {
        var id = await ConfirmedOrderAsync();
        var before = await OrderRowAsync(id);

        using var response = await SendTransitionAsync(transition, id, ifMatch: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Precondition.Required"));
            Assert.That(await OrderRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_transition_with_a_stale_tag_is_412_and_changes_nothing([Values] Transition transition)
    {
        var id = await ConfirmedOrderAsync();
        var before = await OrderRowAsync(id);

        using var response = await SendTransitionAsync(transition, id, ifMatch: "\"1\"");

        await response.AssertApiProblemAsync(HttpStatusCode.PreconditionFailed, "Precondition.Failed");
        Assert.That(await OrderRowAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Get_with_the_current_tag_in_if_none_match_is_304_without_a_body()
    {
        var id = await ConfirmedOrderAsync();

        using var response = await SendAsync(AliceClient, HttpMethod.Get, OrderPath(id), headers: ("If-None-Match", "\"2\""));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(EntityTagOf(response), Is.EqualTo("\"2\""));
        });
    }

    [Test]
    public async Task An_unknown_product_is_422_naming_its_line_and_nothing_is_stored()
    {
        var unknown = Guid.CreateVersion7();

        await AssertUnprocessableAsync(OrderBody((await NewProductAsync(), 1), (unknown, 1)), "Order.Line.UnknownProduct", "lines[1].productId", unknown);
    }

    [Test]
    public async Task An_archived_product_is_422_naming_its_line_and_nothing_is_stored()
    {
        var archived = await NewProductAsync();
        await ArchiveAsync(archived);

        await AssertUnprocessableAsync(OrderBody((archived, 1)), "Order.Line.ProductArchived", "lines[0].productId", archived);
    }

    [Test]
    public async Task Products_in_two_currencies_are_422_naming_the_line_that_differs_and_nothing_is_stored()
    {
        var dollars = await NewProductAsync(currency: "USD");

        await AssertUnprocessableAsync(
            OrderBody((await NewProductAsync(), 1), (await NewProductAsync(), 1), (dollars, 1)), "Order.Line.MixedCurrency", "lines[2].productId", dollars);
    }

    [TestCase(0, 1, "lines", TestName = "An order without lines is 400")]
    [TestCase(51, 1, "lines", TestName = "An order of 51 lines is 400")]
    [TestCase(1, 0, "lines[0].quantity", TestName = "A quantity of 0 is 400")]
    [TestCase(1, 1001, "lines[0].quantity", TestName = "A quantity of 1001 is 400")]
    public async Task Bad_lines_are_400_naming_the_field_and_nothing_is_stored(int lineCount, int quantity, string field)
    {
        var product = await NewProductAsync();
        var lines = Enumerable.Range(0, lineCount).Select(index => (index == 0 ? product : Guid.CreateVersion7(), quantity)).ToArray();

        await AssertInvalidAsync(OrderBody(lines), field);
    }

    [Test]
    public async Task The_same_product_on_two_lines_is_400_on_the_second_line()
    {
        var product = await NewProductAsync();

        await AssertInvalidAsync(OrderBody((product, 1), (product, 2)), "lines[1].productId");
    }

    [Test]
    public async Task A_body_without_lines_or_with_a_null_line_is_400()
    {
        var before = await OrderCountOfAsync(CustomerA);

        using var missing = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, new JsonObject());
        using var nullLine = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, new JsonObject { ["lines"] = new JsonArray((JsonNode?)null) });

        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await nullLine.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await OrderCountOfAsync(CustomerA), Is.EqualTo(before));
    }

    [Test]
    public async Task Every_route_needs_a_token()
    {
        var id = await ConfirmedOrderAsync();

        HttpResponseMessage[] responses =
        [
            await SendAsync(AnonymousClient, HttpMethod.Post, OrdersPath, OrderBody((Guid.CreateVersion7(), 1))),
            await AnonymousClient.GetAsync(OrderPath(id)),
            await AnonymousClient.GetAsync(OrdersPath),
            await SendAsync(AnonymousClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "*")),
            await SendAsync(AnonymousClient, HttpMethod.Post, $"{OrderPath(id)}/ship", headers: ("If-Match", "*")),
        ];

        foreach (var response in responses)
        {
            await response.AssertApiProblemAsync(HttpStatusCode.Unauthorized, "Auth.Unauthenticated");
            response.Dispose();
        }

        Assert.That((await OrderRowAsync(id))!.Status, Is.EqualTo(OrderStatus.Confirmed));
    }

    [Test]
    public async Task Writes_need_the_orders_write_scope_but_reads_do_not()
    {
        var id = await ConfirmedOrderAsync();
        var before = await OrderCountOfAsync(CustomerA);

        using var place = await SendAsync(ReadOnlyClient, HttpMethod.Post, OrdersPath, OrderBody((await NewProductAsync(), 1)));
        using var cancel = await SendAsync(ReadOnlyClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "*"));
        using var read = await ReadOnlyClient.GetAsync(OrderPath(id));

        await place.AssertApiProblemAsync(HttpStatusCode.Forbidden, "Auth.Forbidden");
        await cancel.AssertApiProblemAsync(HttpStatusCode.Forbidden, "Auth.Forbidden");
        Assert.Multiple(async () =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await OrderCountOfAsync(CustomerA), Is.EqualTo(before));
            Assert.That((await OrderRowAsync(id))!.Status, Is.EqualTo(OrderStatus.Confirmed));
        });
    }

    [Test]
    public async Task Another_customers_order_is_404_on_every_route_and_stays_as_it_was()
    {
        var id = await ConfirmedOrderAsync();
        var before = await OrderRowAsync(id);

        using var get = await BobClient.GetAsync(OrderPath(id));
        using var cancel = await SendAsync(BobClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "*"));
        using var ship = await SendAsync(BobClient, HttpMethod.Post, $"{OrderPath(id)}/ship", headers: ("If-Match", "*"));
        using var list = await BobClient.GetAsync($"{OrdersPath}?limit=100");

        foreach (var response in new[] { get, cancel, ship })
        {
            var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Order.NotFound");
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"Order '{id}' was not found."), "the same answer as for an id that does not exist");
        }

        var listed = await list.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(listed.GetProperty("items").EnumerateArray().Select(IdOf), Does.Not.Contain(id));
            Assert.That(await OrderRowAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task An_id_that_does_not_exist_is_404()
    {
        using var response = await AliceClient.GetAsync(OrderPath(Guid.CreateVersion7()));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Order.NotFound");
    }

    [Test]
    public async Task A_customer_may_not_ship_their_own_order()
    {
        var id = await ConfirmedOrderAsync();

        using var response = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(id)}/ship", headers: ("If-Match", "\"2\""));

        await response.AssertApiProblemAsync(HttpStatusCode.Forbidden, "Auth.Forbidden");
        Assert.That((await OrderRowAsync(id))!.Status, Is.EqualTo(OrderStatus.Confirmed));
    }

    [Test]
    public async Task An_admin_reads_and_cancels_any_customers_order()
    {
        var id = await ConfirmedOrderAsync(client: BobClient);

        using var read = await AdminClient.GetAsync(OrderPath(id));
        using var cancel = await SendAsync(AdminClient, HttpMethod.Post, $"{OrderPath(id)}/cancel", headers: ("If-Match", "\"2\""));

        Assert.Multiple(async () =>
        {
            Assert.That((await read.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("customerId").GetString(), Is.EqualTo(CustomerB));
            Assert.That((await cancel.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        });
    }

    [Test]
    public async Task The_same_idempotency_key_replays_the_202_and_places_one_order()
    {
        var product = await NewProductAsync();
        var body = OrderBody((product, 1));
        var key = Guid.NewGuid().ToString();
        var before = await OrderCountOfAsync(CustomerA);

        using var first = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, body, ("Idempotency-Key", key));
        using var replay = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, body, ("Idempotency-Key", key));

        var placed = await first.AssertJsonAsync(HttpStatusCode.Accepted);
        var replayed = await replay.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Multiple(async () =>
        {
            Assert.That(IdOf(replayed), Is.EqualTo(IdOf(placed)));
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(replay.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(EntityTagOf(replay), Is.EqualTo(EntityTagOf(first)));
            Assert.That(await OrderCountOfAsync(CustomerA), Is.EqualTo(before + 1));
        });
    }

    private Task<HttpResponseMessage> SendTransitionAsync(Transition transition, Guid id, string? ifMatch)
    {
        var (client, action) = transition == Transition.Cancel ? (AliceClient, "cancel") : (AdminClient, "ship");
        return ifMatch is null
            ? SendAsync(client, HttpMethod.Post, $"{OrderPath(id)}/{action}")
            : SendAsync(client, HttpMethod.Post, $"{OrderPath(id)}/{action}", headers: ("If-Match", ifMatch));
    }

    private async Task AssertUnprocessableAsync(JsonObject body, string code, string field, Guid productId)
    {
        var before = await OrderCountOfAsync(CustomerA);

        using var response = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Multiple(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(productId.ToString()));
            Assert.That(await OrderCountOfAsync(CustomerA), Is.EqualTo(before));
        });
    }

    private async Task AssertInvalidAsync(JsonObject body, string field)
    {
        var before = await OrderCountOfAsync(CustomerA);

        using var response = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, body);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.Multiple(async () =>
        {
            Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }));
            Assert.That(await OrderCountOfAsync(CustomerA), Is.EqualTo(before));
        });
    }
}
