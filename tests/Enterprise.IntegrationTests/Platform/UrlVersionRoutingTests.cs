using System.Text.RegularExpressions;
using Asp.Versioning;
using Asp.Versioning.Routing;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.Versioning;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// The faster jump table of <see cref="UrlVersionMatcherPolicy"/> against Asp.Versioning's own, over this API's real
/// endpoints: every path gets the same destination from both, and the versions as declared are answered without
/// Asp.Versioning's per-request template matching. Routing does not touch the database, so SQLite is enough.
/// </summary>
public sealed partial class UrlVersionRoutingTests() : ApiFixture(DatabaseUnderTest.Sqlite)
{
    /// <summary>How this API's links and documents spell its versions, and so how clients do.</summary>
    private static readonly string[] UsualSpellings = ["1", "2", "1.0", "2.0"];
    private static readonly string[] UnusualSpellings = ["02", "2.00"];
    private static readonly string[] NoVersionHere = ["3", "9.9", "x", "2-beta", ""];

    [Test]
    public void Asp_Versioning_tables_have_the_shape_the_faster_table_reads()
    {
        // Fails after an Asp.Versioning upgrade that changes them: the policy would then fall back to the slower table.
        Assert.That(UrlVersionJumpTable.UnderstandsVersioningTables, Is.True);
    }

    [Test]
    public void Every_versioned_route_gets_the_destination_Asp_Versioning_gives_it_and_usual_spellings_skip_its_matching()
    {
        var versioning = Factory.Services.GetRequiredService<ApiVersionMatcherPolicy>();
        var policy = Factory.Services.GetServices<MatcherPolicy>().OfType<UrlVersionMatcherPolicy>().Single();
        var nodes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.Contains("{version:apiVersion}", StringComparison.Ordinal) == true)
            .GroupBy(endpoint => endpoint.RoutePattern.RawText!)
            .ToList();
        Assert.That(nodes.Select(node => node.Key), Does.Contain("api/v{version:apiVersion}/products/{id:guid}"));

        foreach (var node in nodes)
        {
            var edges = versioning.GetEdges([.. node])
                .Select((edge, index) => new PolicyJumpTableEdge(edge.State, index + 1))
                .ToList();
            var versioningTable = versioning.BuildJumpTable(0, edges);
            var table = policy.BuildJumpTable(0, edges);
            Assert.That(table, Is.InstanceOf<UrlVersionJumpTable>(), node.Key);
            var declaredHere = node
                .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<ApiVersionMetadata>().Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).ImplementedApiVersions)
                .ToList();

            foreach (var spelling in UsualSpellings.Concat(UnusualSpellings).Concat(NoVersionHere))
            {
                foreach (var prefix in new[] { "v", "V", "w" })
                {
                    var path = PathOf(node.Key, prefix + spelling);
                    Assert.That(table.GetDestination(RequestFor(path)), Is.EqualTo(versioningTable.GetDestination(RequestFor(path))), path);
                    var answeredFaster = ((UrlVersionJumpTable)table).TryGetUsualVersionDestination(RequestFor(path), out _);
                    if (prefix == "w" || NoVersionHere.Contains(spelling) || UnusualSpellings.Contains(spelling))
                    {
                        Assert.That(answeredFaster, Is.False, path);
                    }
                    else
                    {
                        Assert.That(answeredFaster, Is.EqualTo(declaredHere.Any(version => version == ApiVersionParser.Default.Parse(spelling))), path);
                    }
                }
            }
        }
    }

    private DefaultHttpContext RequestFor(string path) =>
        new DefaultHttpContext { RequestServices = Factory.Services, Request = { Path = path } };

    /// <summary>The route template with its version segment as given and a valid value for every other parameter.</summary>
    private static string PathOf(string template, string versionSegment) =>
        "/" + OtherParameter().Replace(template.Replace("v{version:apiVersion}", versionSegment, StringComparison.Ordinal), Guid.NewGuid().ToString());

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex OtherParameter();
}
