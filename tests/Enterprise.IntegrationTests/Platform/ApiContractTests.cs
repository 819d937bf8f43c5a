using System.Net;
using System.Text.Json.Nodes;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.OpenApi;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// The committed OpenAPI documents (<c>docs/openapi/</c>, one per version, written by every build of src/WebApi) are the
/// published contract: each served document must equal its committed one, so every contract change shows in review, and
/// the served v1 (the published version) must keep every operation, status code and response field the committed v1 has.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ApiContractTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string Regenerate = "Run `dotnet build src/WebApi --no-incremental` to regenerate docs/openapi/, review the diff and commit it.";

    private readonly Dictionary<string, JsonObject> _servedDocuments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _committedDocuments = new(StringComparer.Ordinal);

    private JsonObject _served = null!;
    private JsonObject _committed = null!;

    private static IEnumerable<string> Versions => ApiDocuments.Versions;

    [OneTimeSetUp]
    public async Task ReadDocuments()
    {
        foreach (var version in ApiDocuments.Versions)
        {
            using var response = await Client.GetAsync($"/openapi/{version}.json");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), version);
            _servedDocuments[version] = ParseDocument(await response.Content.ReadAsStringAsync());

            var committed = RepositoryFiles.Path("docs", "openapi", $"{version}.json");
            Assert.That(File.Exists(committed), Is.True, $"{committed} is missing. {Regenerate}");
            _committedDocuments[version] = ParseDocument(await File.ReadAllTextAsync(committed));
        }

        _served = _servedDocuments["v1"];
        _committed = _committedDocuments["v1"];
    }

    [TestCaseSource(nameof(Versions))]
    public void The_served_document_equals_the_committed_one(string version)
    {
        Assert.That(
            JsonNode.DeepEquals(_servedDocuments[version], _committedDocuments[version]),
            Is.True,
            $"The served /openapi/{version}.json differs from docs/openapi/{version}.json. {Regenerate}");
    }

    [Test]
    public void Every_committed_document_is_a_served_version()
    {
        var committed = Directory.GetFiles(RepositoryFiles.Path("docs", "openapi"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.That(committed, Is.EquivalentTo(ApiDocuments.Versions), "A document in docs/openapi/ that no version serves is stale: delete it.");
    }

    [Test]
    public void The_served_v1_keeps_every_operation_status_code_and_response_field_of_the_committed_v1()
    {
        Assert.That(BreakingChanges(_committed, _served), Is.Empty, "v1 is published: add to it, never remove from it.");
    }

    [Test]
    public void The_breaking_change_check_notices_a_removed_operation_status_code_and_response_field()
    {
        var changed = _served.DeepClone().AsObject();
        var paths = changed["paths"]!.AsObject();
        paths["/api/v1/products/{id}"]!.AsObject().Remove("delete");
        paths["/api/v1/categories/{id}"]!["get"]!["responses"]!.AsObject().Remove("404");
        changed["components"]!["schemas"]!["ProductResponse"]!["properties"]!.AsObject().Remove("sku");

        Assert.That(BreakingChanges(_committed, changed), Is.SupersetOf(new[]
        {
            "delete /api/v1/products/{id}: the operation is gone",
            "get /api/v1/categories/{id}: status 404 is gone",
            "get /api/v1/products/{id} 200 application/json: response field sku is gone",
        }));
    }

    private static List<string> BreakingChanges(JsonObject published, JsonObject current)
    {
        var changes = new List<string>();
        var currentPaths = current["paths"]?.AsObject() ?? [];
        foreach (var (path, pathItem) in published["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in pathItem!.AsObject())
            {
                var name = $"{method} {path}";
                if (currentPaths[path]?[method] is not JsonObject currentOperation)
                {
                    changes.Add($"{name}: the operation is gone");
                    continue;
                }

                foreach (var (status, response) in operation!["responses"]?.AsObject() ?? [])
                {
                    if (currentOperation["responses"]?[status] is not JsonObject currentResponse)
                    {
                        changes.Add($"{name}: status {status} is gone");
                        continue;
                    }

                    foreach (var (mediaType, content) in response!["content"]?.AsObject() ?? [])
                    {
                        var had = Fields(published, content?["schema"], string.Empty, []);
                        var has = Fields(current, currentResponse["content"]?[mediaType]?["schema"], string.Empty, []);
                        changes.AddRange(had.Except(has).Order(StringComparer.Ordinal)
                            .Select(field => $"{name} {status} {mediaType}: response field {field} is gone"));
                    }
                }
            }
        }

        return changes;
    }

    /// <summary>Every property path of a schema (<c>items[].id</c>), following <c>$ref</c>s into the document's components.</summary>
    private static HashSet<string> Fields(JsonObject document, JsonNode? schema, string prefix, HashSet<string> followed)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (schema is not JsonObject node)
        {
            return fields;
        }

        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            if (!followed.Add(reference))
            {
                return fields;
            }

            var target = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate<string, JsonNode?>(document, (current, segment) => current?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]);
            fields.UnionWith(Fields(document, target, prefix, followed));
            followed.Remove(reference);
            return fields;
        }

        foreach (var (property, propertySchema) in node["properties"]?.AsObject() ?? [])
        {
            var path = prefix + property;
            fields.Add(path);
            fields.UnionWith(Fields(document, propertySchema, path + ".", followed));
        }

        fields.UnionWith(Fields(document, node["items"], prefix.TrimEnd('.') + "[].", followed));
        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var part in node[combinator]?.AsArray() ?? [])
            {
                fields.UnionWith(Fields(document, part, prefix, followed));
            }
        }

        return fields;
    }

    /// <summary>The document without <c>servers</c>, which names the host that served it.</summary>
    private static JsonObject ParseDocument(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document;
    }
}
