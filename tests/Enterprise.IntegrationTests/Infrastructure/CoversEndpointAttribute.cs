namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// Declares which endpoint a test exercises, as HTTP method and route template exactly as the
/// application registers it (for example <c>GET</c>, <c>api/v{version:apiVersion}/products/{id:guid}</c>).
/// The endpoint-coverage test fails for any endpoint no test declares. A versioned route is covered per API
/// <see cref="Version"/> (1 unless set), since each version is its own contract.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class CoversEndpointAttribute(string method, string routeTemplate) : Attribute
{
    public string Method { get; } = method;

    public string RouteTemplate { get; } = routeTemplate;

    public int Version { get; init; } = 1;
}
