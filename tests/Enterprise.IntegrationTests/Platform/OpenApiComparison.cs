using System.Text.Json.Nodes;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>What differs between two OpenAPI documents: any member at all, or only what breaks a client of the older one.</summary>
internal static class OpenApiComparison
{
    /// <summary>
    /// The JSON Pointer of every member or array item that one document has and the other has not, or has with another
    /// value; empty when the two are equal.
    /// </summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        AddDifferences(expected, actual, string.Empty, differences);
        return differences;
    }

    /// <summary>
    /// Every operation, response status code and response field (following <c>$ref</c>s) of the published document that
    /// the current one no longer has: removing any of them breaks a client of the published version.
    /// </summary>
    public static List<string> BreakingChanges(JsonObject published, JsonObject current)
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

    private static void AddDifferences(JsonNode? expected, JsonNode? actual, string pointer, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                foreach (var name in expectedObject.Select(member => member.Key).Union(actualObject.Select(member => member.Key)))
                {
                    AddDifferences(expectedObject[name], actualObject[name], $"{pointer}/{Escape(name)}", differences);
                }

                break;
            case (JsonArray expectedArray, JsonArray actualArray):
                for (var index = 0; index < Math.Max(expectedArray.Count, actualArray.Count); index++)
                {
                    AddDifferences(ItemAt(expectedArray, index), ItemAt(actualArray, index), $"{pointer}/{index}", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add(pointer.Length == 0 ? "/" : pointer);
                }

                break;
        }
    }

    private static JsonNode? ItemAt(JsonArray array, int index) => index < array.Count ? array[index] : null;

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

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
}
