using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>Headers every response carries, whatever produced it; nothing HTTPS-only outside Production.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ResponseHeadersTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [TestCase("/health/live", HttpStatusCode.OK)]
    [TestCase("/api/v1/products", HttpStatusCode.OK)]
    [TestCase("/api/v1/products/not-a-guid", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/products?pageSize=0", HttpStatusCode.BadRequest)]
    [TestCase("/no/such/route", HttpStatusCode.NotFound)]
    public async Task Every_response_forbids_sniffing_and_referrers(string path, HttpStatusCode status)
    {
        using var response = await Client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        });
    }

    [Test]
    public async Task Outside_production_https_is_neither_enforced_nor_remembered()
    {
        using var plain = await Client.GetAsync("/health/live");
        using var secureClient = Factory.CreateClient(new() { BaseAddress = new Uri("https://api.example.com") });
        using var secure = await secureClient.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirection to HTTPS");
            Assert.That(secure.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }
}
