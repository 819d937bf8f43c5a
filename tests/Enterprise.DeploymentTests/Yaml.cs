using YamlDotNet.RepresentationModel;

namespace Enterprise.DeploymentTests;

/// <summary>Reading parsed YAML by path, as the rules below need it.</summary>
internal static class Yaml
{
    /// <summary>Every document of a multi-document stream (<c>---</c>), each a mapping.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return [.. stream.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    /// <summary>The node at the path of mapping keys, or null when any step is missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? Scalar(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    /// <summary>A mapping's entries by key; YAML merge keys (<c>&lt;&lt;: *anchor</c>) are expanded, as compose does.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode node, params string[] path)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node.At(path) is not YamlMappingNode mapping)
        {
            return entries;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<")
            {
                foreach (var (mergedKey, mergedValue) in value.Entries())
                {
                    entries.TryAdd(mergedKey, mergedValue);
                }
            }
            else
            {
                entries[name] = value;
            }
        }

        return entries;
    }
}
