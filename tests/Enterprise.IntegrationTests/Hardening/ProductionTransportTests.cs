using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>Production redirects plain HTTP to HTTPS and tells browsers to stay on HTTPS.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ProductionTransportTests(DatabaseUnderTest database) : ApiFixture(database)
{
    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest, new Dictionary<string, string?> { ["https_port"] = "443" }) { Environment = "Production" };

    [Test]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://api.example.com") });

        using var response = await client.GetAsync("/api/v1/products?page=2");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(response.Headers.Location, Is.EqualTo(new Uri("https://api.example.com/api/v1/products?page=2")));
        });
    }

    [Test]
    public async Task Https_responses_carry_strict_transport_security()
    {
        using var client = Factory.CreateClient(new() { BaseAddress = new Uri("https://api.example.com") });

        using var response = await client.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Strict-Transport-Security").Single(), Does.StartWith("max-age="));
        });
    }
}
