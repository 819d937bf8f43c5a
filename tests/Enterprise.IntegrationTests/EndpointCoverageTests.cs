using System.Reflection;
using Asp.Versioning;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests;

/// <summary>Every endpoint the application exposes must be declared by at least one integration test.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class EndpointCoverageTests(DatabaseUnderTest database) : ApiFixture(database)
{
    /// <summary>Every optional endpoint switched on, so that it needs its test too.</summary>
    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest, new Dictionary<string, string?> { [WebApi.Telemetry.TelemetrySettings.PrometheusEndpointSetting] = "true" });

    [Test]
    public void Every_exposed_endpoint_is_covered_by_an_integration_test()
    {
        var exposed = ExposedEndpoints();
        var covered = typeof(EndpointCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Cast<MemberInfo>().Append(type))
            .SelectMany(member => member.GetCustomAttributes<CoversEndpointAttribute>())
            .Select(attribute => Key(attribute.Method, attribute.RouteTemplate, attribute.Version))
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
                from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]
                from version in VersionsServedBy(endpoint)
                select Key(method, endpoint.RoutePattern.RawText ?? string.Empty, version))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The major API versions an action serves (an action may be mapped to only some of its controller's).</summary>
    private static IEnumerable<int> VersionsServedBy(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ApiVersionMetadata>() is { } versions
            ? versions.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).DeclaredApiVersions
                .Where(version => versions.MappingTo(version) != ApiVersionMapping.None)
                .Select(version => version.MajorVersion ?? 0)
            : [0];

    /// <summary>Versioned routes are keyed per version; the version is ignored for the others (health, documents).</summary>
    private static string Key(string method, string routeTemplate, int version) =>
        routeTemplate.Contains("{version:apiVersion}", StringComparison.Ordinal)
            ? $"{method.ToUpperInvariant()} v{version} /{routeTemplate.TrimStart('/')}"
            : $"{method.ToUpperInvariant()} /{routeTemplate.TrimStart('/')}";
}
