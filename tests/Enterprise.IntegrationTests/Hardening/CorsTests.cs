using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>Only origins listed in <c>Cors:AllowedOrigins</c> get CORS headers; the default list is empty.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class CorsTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string ListedOrigin = "https://app.example.com";
    private const string UnlistedOrigin = "https://evil.example.net";

    private EnterpriseApiFactory _defaultFactory = null!;

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest, new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = ListedOrigin });

    [OneTimeSetUp]
    public void StartDefaultApplication() => _defaultFactory = new EnterpriseApiFactory(DatabaseUnderTest);

    [OneTimeTearDown]
    public void StopDefaultApplication() => _defaultFactory?.Dispose();

    [Test]
    public async Task By_default_no_origin_gets_cors_headers()
    {
        using var client = _defaultFactory.CreateClient();

        using var response = await client.SendAsync(WithOrigin(HttpMethod.Get, ListedOrigin));
        using var preflight = await client.SendAsync(Preflight(ListedOrigin));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Methods"), Is.False);
        });
    }

    [Test]
    public async Task A_listed_origin_is_echoed_with_the_headers_it_may_read()
    {
        using var response = await Client.SendAsync(WithOrigin(HttpMethod.Get, ListedOrigin));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { ListedOrigin }));
            Assert.That(response.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("X-Correlation-Id"));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
        });
    }

    [Test]
    public async Task A_preflight_from_a_listed_origin_allows_the_method_and_headers()
    {
        using var response = await Client.SendAsync(Preflight(ListedOrigin));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { ListedOrigin }));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Methods").Single(), Does.Contain("POST"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("content-type").IgnoreCase);
        });
    }

    [Test]
    public async Task An_unlisted_origin_gets_no_cors_headers()
    {
        using var response = await Client.SendAsync(WithOrigin(HttpMethod.Get, UnlistedOrigin));
        using var preflight = await Client.SendAsync(Preflight(UnlistedOrigin));

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Methods"), Is.False);
        });
    }

    private static HttpRequestMessage WithOrigin(HttpMethod method, string origin)
    {
        var request = new HttpRequestMessage(method, "/api/v1/products");
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = WithOrigin(HttpMethod.Options, origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        return request;
    }
}
