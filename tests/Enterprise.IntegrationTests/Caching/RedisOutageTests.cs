using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Caching;

/// <summary>Redis goes away under a running instance and comes back: no 5xx meanwhile, and the instance stays ready.</summary>
[NonParallelizable]
public sealed class RedisOutageTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task While_Redis_is_down_reads_and_writes_succeed_from_memory_and_the_database()
    {
        using var redis = await ThrowawayRedis.StartAsync();
        using var instance = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = redis.ConnectionString,
        });
        using var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Administrator);
        var categoryId = await CreateAsync(client, "/api/v1/categories", new { name = $"Outage {Guid.NewGuid():N}" });
        var cachedPath = $"/api/v1/products/{await CreateProductAsync(client, categoryId)}";
        var uncachedPath = $"/api/v1/products/{await CreateProductAsync(client, categoryId)}";
        using (var cached = await client.GetAsync(cachedPath))
        {
            Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await redis.StopServerAsync();

        using var cachedRead = await client.GetAsync(cachedPath);
        using var uncachedRead = await client.GetAsync(uncachedPath);
        var newName = $"Renamed during the outage {Guid.NewGuid():N}";
        using var replaced = await client.PutAsJsonAsync(cachedPath, ProductBody(categoryId, newName));
        using var readAfterWrite = await client.GetAsync(cachedPath);
        using var archived = await client.DeleteAsync(uncachedPath);
        using var readAfterDelete = await client.GetAsync(uncachedPath);
        using var readiness = await client.GetAsync("/health/ready");

        Assert.Multiple(async () =>
        {
            Assert.That(cachedRead.StatusCode, Is.EqualTo(HttpStatusCode.OK), "served from this instance's memory");
            Assert.That(uncachedRead.StatusCode, Is.EqualTo(HttpStatusCode.OK), "read from the database");
            Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readAfterWrite.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await readAfterWrite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString(), Is.EqualTo(newName));
            Assert.That(readAfterWrite.Headers.ETag, Is.EqualTo(replaced.Headers.ETag));
            Assert.That(archived.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(readAfterDelete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(readiness.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cache is optional: the instance stays ready");
            var report = await readiness.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(CheckStatus(report, "cache"), Is.EqualTo("Degraded"));
            Assert.That(CheckStatus(report, "database"), Is.EqualTo("Healthy"));
            Assert.That(
                instance.Logs.Events.Where(logEvent => logEvent.Level == LogEventLevel.Warning).Select(logEvent => logEvent.RenderMessage(null)),
                Has.Some.Contains("distributed cache"),
                "the cache says that it works without Redis");
        });

        await redis.StartServerAsync();

        Assert.That(await ReadinessOnceRecoveredAsync(client), Is.EqualTo("Healthy"));
        using var afterRecovery = await client.GetAsync(cachedPath);
        Assert.That(afterRecovery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static string? CheckStatus(JsonElement report, string name) =>
        report.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == name).GetProperty("status").GetString();

    private static async Task<string?> ReadinessOnceRecoveredAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        string? status;
        do
        {
            using var response = await client.GetAsync("/health/ready");
            status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            if (status == "Healthy")
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }

    private static object ProductBody(Guid categoryId, string name) => new
    {
        sku = $"RO-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}",
        name,
        description = "Cached while Redis was up",
        price = 10m,
        currency = "EUR",
        stockQuantity = 5,
        categoryId,
    };

    private static Task<Guid> CreateProductAsync(HttpClient client, Guid categoryId) =>
        CreateAsync(client, "/api/v1/products", ProductBody(categoryId, $"Outage {Guid.NewGuid():N}"));

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
