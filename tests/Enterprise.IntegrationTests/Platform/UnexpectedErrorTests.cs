using System.Net;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>A real failure inside the database (its table is gone) must become a 500 that reveals nothing.</summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class UnexpectedErrorTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [OneTimeSetUp]
    public async Task BreakTheDatabase() =>
        await Factory.QueryDatabaseAsync(db => db.DropTableOfAsync<Product>());

    [Test]
    public async Task An_unexpected_failure_is_a_500_problem_without_stack_trace_sql_or_type_names()
    {
        using var response = await Client.GetAsync("/api/v1/products");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var raw = problem.GetRawText();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("An unexpected error occurred."));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Server.Unexpected"));
            Assert.That(raw, Does.Not.Contain("Products").And.Not.Contain("SQLite").IgnoreCase);
            Assert.That(raw, Does.Not.Contain("Exception").And.Not.Contain("Enterprise.").And.Not.Contain(" at "));
            Assert.That(raw, Does.Not.Contain("SELECT").IgnoreCase);
        });
    }

    [Test]
    public async Task The_failure_is_logged_with_its_exception_and_the_request_correlation_id()
    {
        using var response = await Client.GetAsync("/api/v1/products");

        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        var errors = Factory.Logs.ForCorrelationId(correlationId).Where(e => e.Level == LogEventLevel.Error).ToArray();
        var completion = Factory.Logs.ForCorrelationId(correlationId).Single(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Not.Empty);
            Assert.That(errors.Select(e => e.Exception), Has.Some.Not.Null);
            Assert.That(completion.Properties["RouteTemplate"].ToString(), Is.EqualTo("\"/api/v{version:apiVersion}/products\""));
            Assert.That(completion.Properties["StatusCode"].ToString(), Is.EqualTo("500"));
        });
    }
}
