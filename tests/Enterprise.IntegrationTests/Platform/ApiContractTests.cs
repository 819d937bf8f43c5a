using System.Net;
using System.Text.Json.Nodes;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.OpenApi;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// The committed OpenAPI documents (<c>docs/openapi/</c>, one per version) are the contract under review: each served
/// document must equal its committed one, so every contract change shows in review. The build never writes them (it
/// writes <c>artifacts/openapi/</c>; <c>scripts/openapi.sh update</c> copies those over after an intended change). A
/// published version must also keep every operation, status code and response field of its baseline
/// (<c>docs/openapi/baselines/</c>), which nothing regenerates.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ApiContractTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string Update = "If the change is intended, run `scripts/openapi.sh update`, review the diff and commit it.";

    /// <summary>Versions whose clients exist: removing from them breaks those clients, whatever the committed document says.</summary>
    private static readonly string[] PublishedVersions = ["v1"];

    private readonly Dictionary<string, JsonObject> _servedDocuments = new(StringComparer.Ordinal);

    private static IEnumerable<string> Versions => ApiDocuments.Versions;

    [OneTimeSetUp]
    public async Task ReadServedDocuments()
    {
        foreach (var version in ApiDocuments.Versions)
        {
            using var response = await Client.GetAsync($"/openapi/{version}.json");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), version);
            _servedDocuments[version] = ParseDocument(await response.Content.ReadAsStringAsync());
        }
    }

    [TestCaseSource(nameof(Versions))]
    public async Task The_served_document_equals_the_committed_one(string version)
    {
        var committed = await ReadDocument("docs", "openapi", $"{version}.json");

        var differences = OpenApiComparison.Differences(committed, _servedDocuments[version]);

        Assert.That(
            differences,
            Is.Empty,
            $"The served /openapi/{version}.json differs from docs/openapi/{version}.json at the members listed. {Update}");
    }

    [Test]
    public void The_document_comparison_notices_one_changed_member()
    {
        var served = _servedDocuments["v2"];
        var changed = served.DeepClone().AsObject();
        changed["paths"]!["/api/v2/products/{id}"]!["get"]!["summary"] = "Something else";

        Assert.Multiple(() =>
        {
            Assert.That(OpenApiComparison.Differences(served, changed), Is.EqualTo(new[] { "/paths/~1api~1v2~1products~1{id}/get/summary" }));
            Assert.That(OpenApiComparison.Differences(served, served.DeepClone()), Is.Empty);
        });
    }

    [Test]
    public void Every_committed_document_is_a_served_version()
    {
        var committed = Directory.GetFiles(RepositoryFiles.Path("docs", "openapi"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.That(committed, Is.EquivalentTo(ApiDocuments.Versions), "A document in docs/openapi/ that no version serves is stale: delete it.");
    }

    [Test]
    public void Every_published_version_has_a_baseline_and_every_baseline_is_a_published_served_version()
    {
        var baselines = Directory.GetFiles(RepositoryFiles.Path("docs", "openapi", "baselines"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.Multiple(() =>
        {
            Assert.That(baselines, Is.EquivalentTo(PublishedVersions), "docs/openapi/baselines/ holds one document per published version.");
            Assert.That(PublishedVersions, Is.SubsetOf(ApiDocuments.Versions), "A published version is removed only after its sunset, with its baseline.");
        });
    }

    [TestCaseSource(nameof(PublishedVersions))]
    public async Task The_served_published_version_keeps_every_operation_status_code_and_response_field_of_its_baseline(string version)
    {
        var baseline = await ReadDocument("docs", "openapi", "baselines", $"{version}.json");

        Assert.That(
            OpenApiComparison.BreakingChanges(baseline, _servedDocuments[version]),
            Is.Empty,
            $"{version} is published: add to it, never remove from it (baseline: docs/openapi/baselines/{version}.json).");
    }

    [Test]
    public async Task The_breaking_change_check_notices_a_removed_operation_status_code_and_response_field()
    {
        var baseline = await ReadDocument("docs", "openapi", "baselines", "v1.json");
        var changed = _servedDocuments["v1"].DeepClone().AsObject();
        var paths = changed["paths"]!.AsObject();
        paths["/api/v1/products/{id}"]!.AsObject().Remove("delete");
        paths["/api/v1/categories/{id}"]!["get"]!["responses"]!.AsObject().Remove("404");
        // The schema is found through the operation, so renaming the C# contract type does not break this test.
        var product = paths["/api/v1/products/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        changed["components"]!["schemas"]![product.Split('/')[^1]]!["properties"]!.AsObject().Remove("sku");

        Assert.That(OpenApiComparison.BreakingChanges(baseline, changed), Is.SupersetOf(new[]
        {
            "delete /api/v1/products/{id}: the operation is gone",
            "get /api/v1/categories/{id}: status 404 is gone",
            "get /api/v1/products/{id} 200 application/json: response field sku is gone",
        }));
    }

    private static async Task<JsonObject> ReadDocument(params string[] segments)
    {
        var path = RepositoryFiles.Path(segments);
        Assert.That(File.Exists(path), Is.True, $"{path} is missing.");
        return ParseDocument(await File.ReadAllTextAsync(path));
    }

    /// <summary>The document without <c>servers</c>, which names the host that served it.</summary>
    private static JsonObject ParseDocument(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document;
    }
}
