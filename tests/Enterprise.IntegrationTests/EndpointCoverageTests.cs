using System.Reflection;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests;

/// <summary>Every endpoint the application exposes must be declared by at least one integration test.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class EndpointCoverageTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [Test]
    public void Every_exposed_endpoint_is_covered_by_an_integration_test()
    {
        var exposed = ExposedEndpoints();
        var covered = typeof(EndpointCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Cast<MemberInfo>().Append(type))
            .SelectMany(member => member.GetCustomAttributes<CoversEndpointAttribute>())
            .Select(attribute => Key(attribute.Method, attribute.RouteTemplate))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(exposed, Is.Not.Empty);
            Assert.That(exposed.Except(covered), Is.Empty, "Endpoints without an integration test declaring [CoversEndpoint]");
            Assert.That(covered.Except(exposed), Is.Empty, "[CoversEndpoint] declarations that match no endpoint (renamed or removed?)");
        });
    }

    private HashSet<string> ExposedEndpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
                (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => Key(method, endpoint.RoutePattern.RawText ?? string.Empty)))
            .ToHashSet(StringComparer.Ordinal);

    private static string Key(string method, string routeTemplate) => $"{method.ToUpperInvariant()} /{routeTemplate.TrimStart('/')}";
}
