using System.Net;
using System.Text;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>What Kestrel itself refuses (body and header sizes), and what it no longer says about itself.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class KestrelLimitsTests
{
    private const long DefaultMaxRequestBodySize = 1024 * 1024;
    private ProductionProcess _process = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApplication()
    {
        _process = await ProductionProcess.StartAsync();
        _client = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // A caller allowed to write, so the body is read and only its size can be refused.
        _client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Administrator);
    }

    [OneTimeTearDown]
    public void StopApplication()
    {
        _client?.Dispose();
        _process?.Dispose();
    }

    [Test]
    public void The_limits_in_force_are_logged_at_start() =>
        Assert.That(_process.LoggedLimit("MaxRequestBodySize"), Is.EqualTo(DefaultMaxRequestBodySize));

    [Test]
    public async Task A_body_over_the_limit_with_its_length_declared_is_a_413_problem()
    {
        using var content = new StringContent(OversizedCategory(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/categories") { Content = content };

        using var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.TooLarge"));
    }

    [Test]
    public async Task A_chunked_body_that_grows_over_the_limit_while_being_read_is_a_413_problem()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedCategory())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/categories") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.TooLarge"));
    }

    [Test]
    public async Task Headers_larger_than_the_limit_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task More_headers_than_the_limit_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        for (var header = 0; header < 120; header++)
        {
            request.Headers.Add($"X-Header-{header}", "value");
        }

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Responses_do_not_name_the_server_and_carry_the_hardening_headers()
    {
        using var response = await _client.GetAsync("/api/v1/products");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Server"), Is.False);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False, "HSTS goes out over HTTPS only");
        });
    }

    /// <summary>Valid JSON just over the limit, so only its size can be refused.</summary>
    private static string OversizedCategory() =>
        $$"""{"name":"{{new string('a', (int)DefaultMaxRequestBodySize)}}"}""";
}
