using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Ordering.OrderingAssertions;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// The order list: the caller's own orders only, newest first, in keyset pages that follow the <c>Link</c> header; a
/// status filter; an admin may name any customer, a customer may not.
/// </summary>
[CoversEndpoint("GET", OrdersRoute, Version = 2)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class OrderListV2Tests(DatabaseUnderTest database) : OrderingFixture(database)
{
    private const string OrdersRoute = "api/v{version:apiVersion}/orders";

    private Guid[] _aliceOrders = [];
    private Guid _rejected;
    private Guid _bobsOrder;

    [OneTimeSetUp]
    public async Task OrdersOfTwoCustomers()
    {
        var product = await NewProductAsync(stockQuantity: 1_000);
        var sold = await NewProductAsync(stockQuantity: 0);
        var placed = new List<Guid>();
        for (var index = 0; index < 4; index++)
        {
            placed.Add(await ConfirmedOrderAsync(product));
        }

        _rejected = await PlaceAsync(AliceClient, (sold, 1));
        await SettledAsync(_rejected);
        placed.Add(_rejected);
        _aliceOrders = [.. Enumerable.Reverse(placed)];
        _bobsOrder = await ConfirmedOrderAsync(product, client: BobClient);
    }

    [Test]
    public async Task A_customer_pages_through_their_own_orders_newest_first()
    {
        var seen = new List<Guid>();
        var next = $"{OrdersPath}?limit=2";
        var pages = 0;
        while (next is not null)
        {
            using var response = await AliceClient.GetAsync(next);
            var page = await response.AssertJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(IdOf));
            next = NextLinkOf(response);
            pages++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(_aliceOrders), "every order of hers once, newest first, and nobody else's");
            Assert.That(pages, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_status_filter_keeps_only_orders_in_that_status()
    {
        using var response = await AliceClient.GetAsync($"{OrdersPath}?status=rejected");

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").EnumerateArray().Select(IdOf), Is.EqualTo(new[] { _rejected }));
            Assert.That(page.GetProperty("items")[0].GetProperty("rejectionReason").GetString(), Is.Not.Empty);
            Assert.That(NextLinkOf(response), Is.Null);
        });
    }

    [Test]
    public async Task An_admin_lists_a_named_customers_orders()
    {
        using var response = await AdminClient.GetAsync($"{OrdersPath}?customerId={CustomerB}");

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(page.GetProperty("items").EnumerateArray().Select(IdOf), Is.EqualTo(new[] { _bobsOrder }));
    }

    // A NUL reached PostgreSQL and came back a 500 (found by the OpenAPI fuzz run, seed 1704660526).
    [TestCase("%00", TestName = "A customer id with a NUL is a 400 problem")]
    [TestCase("bob%1B%5B2J", TestName = "A customer id with an escape character is a 400 problem")]
    public async Task A_customer_id_an_order_cannot_have_is_a_400_problem(string encodedCustomerId)
    {
        using var response = await AdminClient.GetAsync($"{OrdersPath}?customerId={encodedCustomerId}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Validation.Failed");
        Assert.That(
            problem.GetProperty("errors").GetProperty("customerId")[0].GetString(),
            Does.Contain("no control character"));
    }

    [Test]
    public async Task A_customer_may_not_list_another_customers_orders()
    {
        using var response = await BobClient.GetAsync($"{OrdersPath}?customerId={CustomerA}");

        await response.AssertApiProblemAsync(HttpStatusCode.Forbidden, "Auth.Forbidden");
    }

    [Test]
    public async Task A_cursor_sent_with_another_filter_is_400()
    {
        using var first = await AliceClient.GetAsync($"{OrdersPath}?limit=1");
        var cursor = NextCursorOf(first);

        using var response = await AliceClient.GetAsync($"{OrdersPath}?limit=1&status=confirmed&cursor={cursor}");

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Paging.Cursor.OtherList");
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "cursor" }));
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("status=lost", "status")]
    public async Task A_bad_query_is_400(string query, string field)
    {
        using var response = await AliceClient.GetAsync($"{OrdersPath}?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(ErrorFields(problem), Does.Contain(field).IgnoreCase);
    }

    private static string? NextLinkOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.Single();
        Assert.That(link, Does.EndWith("; rel=\"next\""));
        return new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]).PathAndQuery;
    }

    private static string NextCursorOf(HttpResponseMessage response)
    {
        var next = NextLinkOf(response);
        Assert.That(next, Is.Not.Null);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri($"http://localhost{next}").Query);
        return Uri.EscapeDataString(query["cursor"].Single()!);
    }
}
