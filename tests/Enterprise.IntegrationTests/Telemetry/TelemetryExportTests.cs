using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.RateLimiting;
using Enterprise.WebApi.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Enterprise.IntegrationTests.Telemetry;

/// <summary>
/// What the settings switch on: nothing without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and the Prometheus setting (no
/// tracer provider, so no request pays for a sampled activity), OTLP providers with the variable, and the
/// <c>/metrics</c> scrape endpoint with the setting. Not beside other fixtures: the OTLP host's tracer provider listens
/// to activity sources process-wide, and would give other hosts' broker messages headers they do not expect.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
[NonParallelizable]
public sealed class TelemetryExportTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private EnterpriseApiFactory? _scraped;

    /// <summary>The default: neither variable nor setting, whatever the test run's environment holds.</summary>
    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        [TelemetrySetup.OtlpEndpointVariable] = string.Empty,
        [TelemetrySettings.PrometheusEndpointSetting] = "false",
    });

    [OneTimeTearDown]
    public void StopScrapedApplication() => _scraped?.Dispose();

    [Test]
    public async Task Without_an_otlp_endpoint_or_the_prometheus_setting_no_provider_exists_and_metrics_is_404()
    {
        using var response = await Client.GetAsync(new Uri(TelemetrySetup.PrometheusPath, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(Factory.Services.GetService<TracerProvider>(), Is.Null);
            Assert.That(Factory.Services.GetService<MeterProvider>(), Is.Null);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task An_otlp_endpoint_creates_the_tracer_and_meter_providers()
    {
        // Nothing listens there: the exporter's attempts fail quietly, as they do while a collector is down.
        using var exporting = new EnterpriseApiFactory(DatabaseUnderTest, new Dictionary<string, string?>
        {
            [TelemetrySetup.OtlpEndpointVariable] = $"http://127.0.0.1:{LocalPorts.Free()}",
            [TelemetrySettings.PrometheusEndpointSetting] = "false",
        });
        using var client = exporting.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var metrics = await client.GetAsync(new Uri(TelemetrySetup.PrometheusPath, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(exporting.Services.GetService<TracerProvider>(), Is.Not.Null);
            Assert.That(exporting.Services.GetService<MeterProvider>(), Is.Not.Null);
            Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no scrape endpoint without its setting");
        });
    }

    [Test]
    [CoversEndpoint("GET", "metrics")]
    public async Task The_prometheus_setting_serves_the_metrics_as_prometheus_text_to_anyone_outside_the_rate_limits()
    {
        using var client = ScrapedClient();
        using (var created = await client.PostAsync(new Uri("/api/v1/categories", UriKind.Relative), JsonBody($"{{\"name\":\"{UniqueName("Category")}\"}}")))
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        client.DefaultRequestHeaders.Authorization = null;
        using var response = await client.GetAsync(new Uri(TelemetrySetup.PrometheusPath, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(response.Headers.Contains(RateLimitHeadersMiddleware.PolicyHeader), Is.False, "scrapes spend no caller's budget");
            Assert.That(body, Does.Contain("enterprise_mediator_duration_seconds_bucket{").And.Contain("message=\"CreateCategoryCommand\""));
            Assert.That(body, Does.Contain("http_server_request_duration_seconds_bucket{").And.Contain("http_route=\"api/v{version:apiVersion}/categories\""));
        });
    }

    [Test]
    public async Task The_metrics_endpoint_answers_get_only_and_stays_out_of_the_api_documents()
    {
        using var client = ScrapedClient();

        using var post = await client.PostAsync(new Uri(TelemetrySetup.PrometheusPath, UriKind.Relative), JsonBody("{}"));
        using var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await document.Content.ReadAsStringAsync(), Does.Not.Contain($"\"{TelemetrySetup.PrometheusPath}\""));
        });
    }

    private HttpClient ScrapedClient()
    {
        _scraped ??= new EnterpriseApiFactory(DatabaseUnderTest, new Dictionary<string, string?>
        {
            [TelemetrySetup.OtlpEndpointVariable] = string.Empty,
            [TelemetrySettings.PrometheusEndpointSetting] = "true",
        });
        var client = _scraped.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Administrator);
        return client;
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
