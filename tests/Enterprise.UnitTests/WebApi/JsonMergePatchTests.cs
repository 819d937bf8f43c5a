using System.Text.Json.Nodes;
using Enterprise.WebApi.Patching;

namespace Enterprise.UnitTests.WebApi;

public sealed class JsonMergePatchTests
{
    /// <summary>Every example of RFC 7396 Appendix A, in its order: original document, patch, result.</summary>
    private static readonly (string Original, string Patch, string Result)[] Rfc7396AppendixA =
    [
        ("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        ("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
        ("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
        ("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
        ("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        ("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
        ("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
        ("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
        ("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
        ("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
        ("{\"a\":\"foo\"}", "null", "null"),
        ("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
        ("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
        ("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
        ("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"),
    ];

    public static IEnumerable<TestCaseData> AppendixA =>
        Rfc7396AppendixA.Select((example, index) => new TestCaseData(example.Original, example.Patch, example.Result)
            .SetName($"RFC 7396 Appendix A example {index + 1}: {example.Original} patched with {example.Patch} is {example.Result}"));

    [TestCaseSource(nameof(AppendixA))]
    public void Apply_gives_the_result_of_each_example_of_the_RFC(string original, string patch, string result)
    {
        var patched = JsonMergePatch.Apply(JsonNode.Parse(original), JsonNode.Parse(patch));

        Assert.That(JsonNode.DeepEquals(patched, JsonNode.Parse(result)), Is.True, $"got {patched?.ToJsonString() ?? "null"}");
    }
}
