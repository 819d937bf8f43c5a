using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Enterprise.IntegrationTests.RateLimiting;

/// <summary>
/// Behind a balancer every connection comes from the balancer: anonymous callers are told apart by the
/// <c>X-Forwarded-For</c> it writes, and only when the connection comes from a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c>. Each request here sets its connection's address, as Kestrel would.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ForwardedClientTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const int ReadTokens = 2;
    private static readonly IPAddress Balancer = IPAddress.Parse("10.20.0.5");
    private static readonly IPAddress UnknownProxy = IPAddress.Parse("10.99.0.9");
    private static int _lastClient;

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = Balancer.ToString(),
        ["RateLimiting:Reads:TokenLimit"] = $"{ReadTokens}",
        ["RateLimiting:Reads:TokensPerPeriod"] = $"{ReadTokens}",
        ["RateLimiting:Reads:ReplenishmentPeriod"] = "01:00:00",
    });

    [Test]
    public async Task Through_the_known_balancer_each_forwarded_client_has_its_own_budget()
    {
        var first = UniqueClientAddress();
        var second = UniqueClientAddress();

        var firstStatuses = await ReadAsync(Balancer, first, ReadTokens + 1);
        var secondStatuses = await ReadAsync(Balancer, second, ReadTokens);

        Assert.Multiple(() =>
        {
            Assert.That(firstStatuses, Is.EqualTo(new[] { StatusCodes.Status200OK, StatusCodes.Status200OK, StatusCodes.Status429TooManyRequests }));
            Assert.That(secondStatuses, Is.All.EqualTo(StatusCodes.Status200OK), "the second client's budget is its own");
        });
    }

    [Test]
    public async Task Only_the_last_hop_counts_so_a_client_cannot_pick_its_bucket()
    {
        var client = UniqueClientAddress();

        // A client that writes its own X-Forwarded-For gets it prefixed to what the balancer adds: only the balancer's
        // entry, the real address, is used.
        var statuses = new List<int>();
        for (var request = 0; request <= ReadTokens; request++)
        {
            statuses.AddRange(await ReadAsync(Balancer, $"{UniqueClientAddress()}, {client}", 1));
        }

        Assert.That(statuses, Is.EqualTo(new[] { StatusCodes.Status200OK, StatusCodes.Status200OK, StatusCodes.Status429TooManyRequests }));
    }

    [Test]
    public async Task From_an_unlisted_address_the_header_is_ignored_and_the_connection_is_the_client()
    {
        var proxy = UnknownProxy;

        var statuses = new List<int>();
        for (var request = 0; request <= ReadTokens; request++)
        {
            // A different forwarded address every time: were it believed, no request would be refused.
            statuses.AddRange(await ReadAsync(proxy, UniqueClientAddress(), 1));
        }

        Assert.That(statuses, Is.EqualTo(new[] { StatusCodes.Status200OK, StatusCodes.Status200OK, StatusCodes.Status429TooManyRequests }));
    }

    private async Task<int[]> ReadAsync(IPAddress connectionFrom, string forwardedFor, int count)
    {
        var statuses = new int[count];
        for (var request = 0; request < count; request++)
        {
            var context = await Factory.Server.SendAsync(http =>
            {
                http.Connection.RemoteIpAddress = connectionFrom;
                http.Request.Method = HttpMethods.Get;
                http.Request.Path = "/api/v2/products";
                http.Request.QueryString = new QueryString("?limit=1");
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            });
            statuses[request] = context.Response.StatusCode;
        }

        return statuses;
    }

    // Addresses of the IPv6 documentation range (RFC 3849), a new one per call, so no two tests share a bucket.
    private static string UniqueClientAddress() => $"2001:db8::{Interlocked.Increment(ref _lastClient):x}";
}
