using System.Collections.Frozen;
using System.Reflection;
using Asp.Versioning;
using Asp.Versioning.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Versioning;

/// <summary>
/// Asp.Versioning's matcher policy, with a faster jump table for the common request: the version in the URL
/// (<c>api/v2/...</c>) spelled as usual. Asp.Versioning's own table finds that version by building a
/// route template, a route pattern and a template matcher for each candidate pattern on every request (version 10.2.1;
/// about 7% of the CPU of a read by id and a seventh of its allocations). The faster table reads the version from
/// the path segment the patterns put it in, and answers with the destination Asp.Versioning would give it; every other
/// request (an unusual spelling, an unknown or malformed version, a version in a header or the query) goes to
/// Asp.Versioning's table, unchanged. Every other part of the policy is Asp.Versioning's.
/// </summary>
public sealed class UrlVersionMatcherPolicy(
    ApiVersionMatcherPolicy versioning, IApiVersionParser parser, IOptions<ApiVersioningOptions> options)
    : MatcherPolicy, IEndpointSelectorPolicy, INodeBuilderPolicy
{
    public override int Order => versioning.Order;

    bool IEndpointSelectorPolicy.AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => versioning.AppliesToEndpoints(endpoints);

    bool INodeBuilderPolicy.AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        ((INodeBuilderPolicy)versioning).AppliesToEndpoints(endpoints);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates) => versioning.ApplyAsync(httpContext, candidates);

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints) => versioning.GetEdges(endpoints);

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges)
    {
        var table = versioning.BuildJumpTable(exitDestination, edges);
        return UrlVersionJumpTable.TryCreate(table, parser, options.Value.RouteConstraintName) ?? table;
    }

    /// <summary>Puts this policy in the place of Asp.Versioning's, which it wraps: call after <c>AddApiVersioning</c>.</summary>
    public static void ReplaceVersioningPolicy(IServiceCollection services)
    {
        var registration = services.SingleOrDefault(service =>
            service.ServiceType == typeof(MatcherPolicy) && service.ImplementationType == typeof(ApiVersionMatcherPolicy))
            ?? throw new InvalidOperationException(
                "Asp.Versioning's matcher policy is not registered as it was: AddApiVersioning must run first, and a new version of the library needs this wrapper checked.");
        services.Remove(registration);
        services.TryAddSingleton<ApiVersionMatcherPolicy>();
        services.AddSingleton<MatcherPolicy, UrlVersionMatcherPolicy>();
    }
}

/// <summary>
/// The destinations of the versions the URL names as usual ("2", "2.0"), read from the segment that holds the
/// version parameter in every pattern of the node; anything else is left to Asp.Versioning's table.
/// </summary>
internal sealed class UrlVersionJumpTable : PolicyJumpTable
{
    private static readonly Type? VersioningTableType =
        typeof(ApiVersionMatcherPolicy).Assembly.GetType("Asp.Versioning.Routing.ApiVersionPolicyJumpTable");
    private static readonly FieldInfo? PatternsField = VersioningTableType?.GetField("routePatterns", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? DestinationsField = VersioningTableType?.GetField("destinations", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly PolicyJumpTable _versioningTable;
    private readonly int _segmentIndex;
    private readonly string _segmentPrefix;
    private readonly string[] _versionTexts;
    private readonly int[] _destinations;

    private UrlVersionJumpTable(PolicyJumpTable versioningTable, int segmentIndex, string segmentPrefix, string[] versionTexts, int[] destinations)
    {
        _versioningTable = versioningTable;
        _segmentIndex = segmentIndex;
        _segmentPrefix = segmentPrefix;
        _versionTexts = versionTexts;
        _destinations = destinations;
    }

    /// <summary>Whether Asp.Versioning's tables have the shape this one reads (a test holds this true for the version in use).</summary>
    internal static bool UnderstandsVersioningTables => PatternsField?.FieldType == typeof(RoutePattern[]) &&
        DestinationsField?.FieldType == typeof(FrozenDictionary<ApiVersion, int>);

    /// <summary>A faster table over <paramref name="versioningTable"/>, or null when its patterns do not all hold the version in one plain segment.</summary>
    internal static UrlVersionJumpTable? TryCreate(PolicyJumpTable versioningTable, IApiVersionParser parser, string constraintName)
    {
        if (!UnderstandsVersioningTables || versioningTable.GetType() != VersioningTableType ||
            PatternsField!.GetValue(versioningTable) is not RoutePattern[] { Length: > 0 } patterns ||
            DestinationsField!.GetValue(versioningTable) is not FrozenDictionary<ApiVersion, int> { Count: > 0 } destinations ||
            VersionSegment(patterns, constraintName) is not var (segmentIndex, segmentPrefix))
        {
            return null;
        }

        var versionTexts = new List<string>(destinations.Count);
        var versionDestinations = new List<int>(destinations.Count);
        foreach (var (version, destination) in destinations)
        {
            // The usual spellings ("2", "2.0"), each kept only if it parses back to this version, as Asp.Versioning's table would parse it.
            string[] spellings = [version.ToString(), $"{version.MajorVersion}", $"{version.MajorVersion}.{version.MinorVersion ?? 0}"];
            foreach (var text in spellings.Distinct())
            {
                if (parser.TryParse(text, out var parsed) && parsed == version)
                {
                    versionTexts.Add(text);
                    versionDestinations.Add(destination);
                }
            }
        }

        return new UrlVersionJumpTable(versioningTable, segmentIndex, segmentPrefix, [.. versionTexts], [.. versionDestinations]);
    }

    public override int GetDestination(HttpContext httpContext) =>
        TryGetUsualVersionDestination(httpContext, out var destination)
            ? destination
            : _versioningTable.GetDestination(httpContext);

    /// <summary>The destination when the path names a version of this node as usual and nothing else names one.</summary>
    internal bool TryGetUsualVersionDestination(HttpContext httpContext, out int destination)
    {
        // A version also sent in a header or the query is for Asp.Versioning to reconcile (or reject as ambiguous).
        if (httpContext.ApiVersioningFeature.RawRequestedApiVersions.Count == 0 &&
            TryReadVersion(httpContext.Request.Path.Value, out var version))
        {
            for (var index = 0; index < _versionTexts.Length; index++)
            {
                if (version.SequenceEqual(_versionTexts[index]))
                {
                    destination = _destinations[index];
                    return true;
                }
            }
        }

        destination = default;
        return false;
    }

    private bool TryReadVersion(string? path, out ReadOnlySpan<char> version)
    {
        version = default;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var rest = path.AsSpan(1);
        for (var index = 0; index < _segmentIndex; index++)
        {
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                return false;
            }

            rest = rest[(slash + 1)..];
        }

        var end = rest.IndexOf('/');
        var segment = end < 0 ? rest : rest[..end];
        if (!segment.StartsWith(_segmentPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        version = segment[_segmentPrefix.Length..];
        return true;
    }

    /// <summary>
    /// The index of the segment holding the version parameter and the literal before it, when every pattern agrees on
    /// both and every segment before it is one plain part (so the path's segment of that index is the pattern's).
    /// </summary>
    private static (int Index, string Prefix)? VersionSegment(RoutePattern[] patterns, string constraintName)
    {
        (int Index, string Prefix)? shared = null;
        foreach (var pattern in patterns)
        {
            if (VersionSegment(pattern, constraintName) is not { } found || (shared is { } known && known != found))
            {
                return null;
            }

            shared = found;
        }

        return shared;
    }

    private static (int Index, string Prefix)? VersionSegment(RoutePattern pattern, string constraintName)
    {
        for (var index = 0; index < pattern.PathSegments.Count; index++)
        {
            var parts = pattern.PathSegments[index].Parts;
            var last = parts[^1];
            if (last is RoutePatternParameterPart { IsCatchAll: false, IsOptional: false } parameter &&
                parameter.ParameterPolicies.Any(policy => policy.Content == constraintName))
            {
                return parts switch
                {
                    [_] => (index, ""),
                    [RoutePatternLiteralPart literal, _] => (index, literal.Content),
                    _ => null,
                };
            }

            if (parts is not [RoutePatternLiteralPart or RoutePatternParameterPart { IsCatchAll: false }])
            {
                return null;
            }
        }

        return null;
    }
}
