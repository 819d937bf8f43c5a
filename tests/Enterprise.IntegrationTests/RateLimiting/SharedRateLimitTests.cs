using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Enterprise.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Enterprise.IntegrationTests.RateLimiting;

/// <summary>With <c>Redis:ConnectionString</c> set, every instance of the API draws from one budget per caller.</summary>
public sealed class SharedRateLimitTests
{
    private const int ReadTokens = 5;

    [Test]
    public async Task Two_instances_pointed_at_one_redis_share_one_budget()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = TestServers.RequireRedis(),
            ["RateLimiting:Reads:TokenLimit"] = $"{ReadTokens}",
            ["RateLimiting:Reads:TokensPerPeriod"] = "1",
            // Nothing comes back while the test counts.
            ["RateLimiting:Reads:ReplenishmentPeriod"] = "01:00:00",
        };
        using var firstInstance = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, settings);
        using var secondInstance = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, settings);
        // A subject of its own: the Redis server outlives this test and may hold buckets of earlier runs.
        var token = TestTokens.Create($"shared-rate-limit-{Guid.NewGuid():N}");
        using var first = ClientWith(firstInstance, token);
        using var second = ClientWith(secondInstance, token);

        var granted = 0;
        for (var request = 0; request < ReadTokens * 2; request++)
        {
            using var response = await (request % 2 == 0 ? first : second).GetAsync("/api/v1/products");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.TooManyRequests));
            granted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        using var firstRefused = await first.GetAsync("/api/v1/products");
        using var secondRefused = await second.GetAsync("/api/v1/products");

        Assert.That(granted, Is.EqualTo(ReadTokens), "both instances together granted exactly one bucket");
        var problem = await firstRefused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await secondRefused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.RateLimited"));
            Assert.That(firstRefused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(secondRefused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(string.Join(", ", secondRefused.Headers.GetValues("RateLimit")), Is.EqualTo($"limit={ReadTokens}, remaining=0, reset=18000"));
        });
    }

    [Test]
    public async Task An_unreachable_redis_lets_requests_through_at_once_and_logs_a_warning()
    {
        using var instance = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = $"127.0.0.1:{LocalPorts.Free()},connectTimeout=500",
            ["RateLimiting:Reads:TokenLimit"] = "1",
            ["RateLimiting:Reads:TokensPerPeriod"] = "1",
            ["RateLimiting:Reads:ReplenishmentPeriod"] = "01:00:00",
        });
        using var client = ClientWith(instance, TestTokens.Create($"redis-outage-{Guid.NewGuid():N}"));
        using var warmUp = await client.GetAsync("/api/v1/products");
        var stopwatch = Stopwatch.StartNew();

        for (var request = 0; request < 3; request++)
        {
            using var response = await client.GetAsync("/api/v1/products");
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a Redis outage must not become an API outage");
                Assert.That(response.Headers.Contains("RateLimit"), Is.False, "nothing was counted, so no count is claimed");
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(warmUp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "requests are not held while Redis is down");
            Assert.That(
                instance.Logs.Events.Where(logEvent => logEvent.Level == LogEventLevel.Warning).Select(logEvent => logEvent.MessageTemplate.Text),
                Has.Some.StartsWith("Rate limits are not enforced"));
        });
    }

    private static HttpClient ClientWith(EnterpriseApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
