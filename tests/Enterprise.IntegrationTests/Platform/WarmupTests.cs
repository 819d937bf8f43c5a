using System.Collections.Concurrent;
using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.Warmup;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// The warm-up before readiness, sent through the application's in-memory transport: the test holds its requests back
/// to see readiness before and after.
/// </summary>
[TestFixture]
public sealed class WarmupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Readiness_is_503_while_warming_up_and_200_once_the_hot_reads_were_sent()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new ConcurrentQueue<HttpRequestMessage>();
        await using var factory = WarmupFactory(gate.Task, sent, timeout: "00:01:00");
        using var client = factory.CreateClient();

        using var warming = await client.GetAsync("/health/ready");
        var warmingChecks = (await warming.ReadJsonAsync()).GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        gate.SetResult();
        await factory.Services.GetRequiredService<WarmupState>().Finished.WaitAsync(Patience);
        using var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(warming.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(warmingChecks, Does.ContainKey(WarmupSetup.HealthCheckName).WithValue("Unhealthy"));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(sent.Select(request => request.Method), Has.All.EqualTo(HttpMethod.Get), "the warm-up writes nothing");
            Assert.That(sent.Select(request => request.RequestUri!.PathAndQuery).Distinct(), Is.EquivalentTo(new[]
            {
                "/api/v2/products?limit=20", $"/api/v2/products/{Guid.Empty}",
            }), "the list and, with no product to read, the by-id read through its 404");
        });
    }

    [Test]
    public async Task A_warm_up_that_never_finishes_gives_way_to_readiness_after_its_timeout()
    {
        var never = new TaskCompletionSource();
        await using var factory = WarmupFactory(never.Task, new ConcurrentQueue<HttpRequestMessage>(), timeout: "00:00:01");
        using var client = factory.CreateClient();

        await factory.Services.GetRequiredService<WarmupState>().Finished.WaitAsync(Patience);
        using var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(factory.Logs.Events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.MessageTemplate.Text),
                Has.Some.StartsWith("The warm-up did not finish within"));
        });
    }

    private static EnterpriseApiFactory WarmupFactory(Task gate, ConcurrentQueue<HttpRequestMessage> sent, string timeout)
    {
        EnterpriseApiFactory? application = null;
        application = new EnterpriseApiFactory(settings: new Dictionary<string, string?>
        {
            ["Warmup:Enabled"] = "true",
            ["Warmup:Iterations"] = "2",
            ["Warmup:Timeout"] = timeout,
        })
        {
            TestServices = services => services.AddHttpClient(WarmupService.ClientName)
                .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://localhost"))
                .ConfigurePrimaryHttpMessageHandler(() => new GatedHandler(gate, sent) { InnerHandler = application!.Server.CreateHandler() }),
        };
        return application;
    }

    /// <summary>Records each warm-up request and holds it until the test opens the gate.</summary>
    private sealed class GatedHandler(Task gate, ConcurrentQueue<HttpRequestMessage> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request);
            await gate.WaitAsync(cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
