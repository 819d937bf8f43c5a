using System.Diagnostics;
using System.Net;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>A request that outlives <c>RequestTimeouts:Default</c> is abandoned with a 504 problem.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class RequestTimeoutTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string DelayHeader = "X-Test-Delay";

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest, new Dictionary<string, string?> { ["RequestTimeouts:Default"] = "00:00:00.5" });

    [Test]
    public async Task A_request_slower_than_the_timeout_gets_a_504_problem()
    {
        using var client = SlowApplicationClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products");
        request.Headers.Add(DelayHeader, "true");
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.Timeout"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the work was abandoned, not awaited");
        });
    }

    [Test]
    public async Task A_request_within_the_timeout_is_answered_normally()
    {
        using var client = SlowApplicationClient();

        using var response = await client.GetAsync("/api/v1/products");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>The application with an action filter that stalls, cancellably, any request carrying <see cref="DelayHeader"/>.</summary>
    private HttpClient SlowApplicationClient() =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(new StallingFilter())))).CreateClient();

    private sealed class StallingFilter : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(DelayHeader))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.HttpContext.RequestAborted);
            }

            await next();
        }
    }
}
