using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>The database goes away under a running application and comes back: 503s meanwhile, then recovery without a restart.</summary>
[NonParallelizable]
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Test]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products")]
    public async Task While_PostgreSQL_is_down_requests_get_503_and_the_service_recovers_when_it_returns()
    {
        using var server = await ThrowawayPostgres.StartAsync();
        using var factory = new EnterpriseApiFactory(new PostgresTestDatabase(server.ConnectionString));
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/api/v1/products")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await server.StopServerAsync();

        using (var duringOutage = await client.GetAsync("/api/v1/products"))
        {
            var problem = await duringOutage.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Multiple(() =>
            {
                Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Database.Unavailable"));
                Assert.That(duringOutage.Headers.RetryAfter, Is.Not.Null);
            });
        }

        using (var readiness = await client.GetAsync("/health/ready"))
        {
            Assert.That(readiness.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        using (var liveness = await client.GetAsync("/health/live"))
        {
            Assert.That(liveness.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process itself is fine");
        }

        await server.StartServerAsync();

        Assert.That(await EventuallyAsync(client, "/health/ready"), Is.EqualTo(HttpStatusCode.OK));
        using var afterRecovery = await client.GetAsync("/api/v1/products");
        Assert.That(afterRecovery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync(path);
            status = response.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }
}
