using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Platform;

[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class UnknownRouteTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [TestCase("/api/v1/unknown")]
    [TestCase("/api/v1/products/not-a-guid")]
    [TestCase("/api/v1/products/..%2F..%2Fetc%2Fpasswd")]
    [TestCase("/api/v9/products")]
    public async Task Unknown_routes_and_malformed_ids_are_404_problems(string path)
    {
        using var response = await Client.GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Route.NotFound"));
    }

    [Test]
    public async Task A_method_the_route_does_not_support_is_a_405_problem()
    {
        using var response = await Client.PatchAsync("/api/v1/categories", new StringContent("{}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Route.MethodNotAllowed"));
    }
}
