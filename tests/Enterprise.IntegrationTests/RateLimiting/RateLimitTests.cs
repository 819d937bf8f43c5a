using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Enterprise.IntegrationTests.Hostile;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.RateLimiting;

/// <summary>
/// Per-caller token buckets: reads and writes separately, one budget per subject, refusals as 429 problems.
/// Buckets refill once an hour here, so nothing replenishes while a test counts; each test has its own subject.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class RateLimitTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const int ReadTokens = 3;
    private const int WriteTokens = 2;

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["RateLimiting:Reads:TokenLimit"] = $"{ReadTokens}",
        ["RateLimiting:Reads:TokensPerPeriod"] = $"{ReadTokens}",
        ["RateLimiting:Reads:ReplenishmentPeriod"] = "01:00:00",
        ["RateLimiting:Writes:TokenLimit"] = $"{WriteTokens}",
        ["RateLimiting:Writes:TokensPerPeriod"] = "1",
        ["RateLimiting:Writes:ReplenishmentPeriod"] = "01:00:00",
    });

    [Test]
    public async Task Reads_beyond_the_bucket_get_a_429_problem_with_retry_after_and_rate_limit_headers()
    {
        using var client = ClientFor(UniqueSubject());
        for (var remaining = ReadTokens - 1; remaining >= 0; remaining--)
        {
            using var granted = await client.GetAsync("/api/v1/products");
            Assert.Multiple(() =>
            {
                Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(Header(granted, "RateLimit-Policy"), Is.EqualTo($"{ReadTokens};w=3600"));
                Assert.That(Header(granted, "RateLimit"), Is.EqualTo($"limit={ReadTokens}, remaining={remaining}, reset=3600"));
            });
        }

        using var refused = await client.GetAsync("/api/v1/products");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.RateLimited"));
            Assert.That(long.Parse(Header(refused, "Retry-After")!, CultureInfo.InvariantCulture), Is.InRange(1, 3600));
            Assert.That(Header(refused, "RateLimit-Policy"), Is.EqualTo($"{ReadTokens};w=3600"));
            Assert.That(Header(refused, "RateLimit"), Is.EqualTo($"limit={ReadTokens}, remaining=0, reset=3600"));
        });
    }

    [Test]
    public async Task Writes_draw_from_their_own_stricter_bucket_and_a_refused_one_writes_nothing()
    {
        using var client = ClientFor(UniqueSubject());
        for (var write = 0; write < WriteTokens; write++)
        {
            using var created = await client.PostAsJsonAsync("/api/v1/categories", new { name = UniqueName("Category") });
            Assert.Multiple(() =>
            {
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                // Two tokens, one back per hour: two hours from empty to full.
                Assert.That(Header(created, "RateLimit-Policy"), Is.EqualTo($"{WriteTokens};w=7200"));
            });
        }

        var before = await DatabaseSnapshot.TakeAsync(Factory);

        using var refused = await client.PostAsJsonAsync("/api/v1/categories", new { name = UniqueName("Category") });
        using var read = await client.GetAsync("/api/v1/categories");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        before.AssertUnchanged(await DatabaseSnapshot.TakeAsync(Factory), "POST /api/v1/categories beyond the write bucket");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.RateLimited"));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads are counted apart from writes");
            Assert.That(Header(read, "RateLimit"), Is.EqualTo($"limit={ReadTokens}, remaining={ReadTokens - 1}, reset=3600"));
        });
    }

    [Test]
    public async Task Two_subjects_have_separate_budgets()
    {
        using var first = ClientFor(UniqueSubject());
        using var second = ClientFor(UniqueSubject());
        for (var read = 0; read < ReadTokens; read++)
        {
            using var granted = await first.GetAsync("/api/v1/products");
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var firstRefused = await first.GetAsync("/api/v1/products");
        using var secondGranted = await second.GetAsync("/api/v1/products");

        Assert.Multiple(() =>
        {
            Assert.That(firstRefused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(secondGranted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(secondGranted, "RateLimit"), Is.EqualTo($"limit={ReadTokens}, remaining={ReadTokens - 1}, reset=3600"));
        });
    }

    [Test]
    public async Task Health_and_the_api_description_are_never_limited()
    {
        using var client = Factory.CreateClient();
        foreach (var path in Enumerable.Repeat("/health/live", ReadTokens * 4).Concat(Enumerable.Repeat("/openapi/v1.json", ReadTokens * 2)))
        {
            using var response = await client.GetAsync(path);
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(Header(response, "RateLimit"), Is.Null, path);
                Assert.That(Header(response, "RateLimit-Policy"), Is.Null, path);
            });
        }
    }

    [Test]
    public async Task Tokens_replenish_after_the_period()
    {
        using var factory = new EnterpriseApiFactory(DatabaseUnderTest, new Dictionary<string, string?>
        {
            ["RateLimiting:Reads:TokenLimit"] = "1",
            ["RateLimiting:Reads:TokensPerPeriod"] = "1",
            ["RateLimiting:Reads:ReplenishmentPeriod"] = "00:00:00.3",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(UniqueSubject()));
        using var first = await client.GetAsync("/api/v1/products");
        using var refused = await client.GetAsync("/api/v1/products");
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        var status = refused.StatusCode;
        while (status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            using var retry = await client.GetAsync("/api/v1/products");
            status = retry.StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "a token came back within 5 s of a 0.3 s replenishment period");
    }

    private static string UniqueSubject() => $"rate-limit-{Guid.NewGuid():N}";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private HttpClient ClientFor(string subject)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Create(subject, scopes: [TestTokens.WriteScope]));
        return client;
    }
}
