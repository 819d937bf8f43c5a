using System.Text.Json;
using Enterprise.WebApi.Patching;

namespace Enterprise.UnitTests.WebApi;

public sealed class MergePatchDocumentTests
{
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    private static readonly Document Current = new() { Name = "Lamp", Note = "Brass", Price = new() { Amount = 12.5m, Currency = "EUR" } };

    [TestCase("{}")]
    [TestCase("{\"name\":\"Desk\",\"price\":{\"amount\":1}}")]
    [TestCase("{\"tags\":[\"a\",{\"a\":1,\"b\":2}],\"note\":null}")]
    public void An_object_patch_with_distinct_members_and_valid_text_is_usable(string patch)
    {
        Assert.That(MergePatchDocument.FindUnusable(Parse(patch), "a lamp"), Is.Null);
    }

    [TestCase("[]")]
    [TestCase("[{\"name\":\"Desk\"}]")]
    [TestCase("\"Desk\"")]
    [TestCase("42")]
    [TestCase("true")]
    [TestCase("null")]
    public void A_patch_that_is_not_an_object_is_refused_naming_the_resource(string patch)
    {
        Assert.That(MergePatchDocument.FindUnusable(Parse(patch), "a lamp"), Is.EqualTo("A merge patch of a lamp must be a JSON object."));
    }

    [TestCase("{\"name\":\"a\",\"name\":\"b\"}")]
    [TestCase("{\"name\":\"a\",\"NAME\":\"b\"}")]
    [TestCase("{\"price\":{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}}")]
    [TestCase("{\"price\":{\"Currency\":\"EUR\",\"currency\":\"USD\"}}")]
    [TestCase("{\"tags\":[{\"a\":1,\"A\":2}]}")]
    public void A_member_repeated_in_any_letter_case_at_any_depth_is_refused(string patch)
    {
        Assert.That(MergePatchDocument.FindUnusable(Parse(patch), "a lamp"), Is.EqualTo("A member appears more than once."));
    }

    [TestCase("{\"name\":\"\\uD800\"}")]
    [TestCase("{\"\\uDC00\":1}")]
    [TestCase("{\"price\":{\"currency\":\"E\\uD83DR\"}}")]
    [TestCase("{\"tags\":[\"\\uDFFF\"]}")]
    public void A_lone_surrogate_in_a_name_or_string_is_refused_as_invalid_text(string patch)
    {
        Assert.That(
            MergePatchDocument.FindUnusable(Parse(patch), "a lamp"),
            Is.EqualTo("A member name or string is not valid Unicode text (invalid UTF-8 or a lone surrogate)."));
    }

    [Test]
    public void Invalid_UTF8_in_a_string_is_refused_as_invalid_text()
    {
        byte[] patch = [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        using var document = JsonDocument.Parse(patch);

        Assert.That(
            MergePatchDocument.FindUnusable(document.RootElement, "a lamp"),
            Is.EqualTo("A member name or string is not valid Unicode text (invalid UTF-8 or a lone surrogate)."));
    }

    [Test]
    public void Apply_replaces_members_removes_nulled_ones_and_merges_nested_objects()
    {
        var patched = MergePatchDocument.Apply(Current, Parse("{\"name\":\"Desk\",\"note\":null,\"price\":{\"amount\":3}}"), WebOptions);

        Assert.That(patched, Is.EqualTo(new Document { Name = "Desk", Note = null, Price = new() { Amount = 3m, Currency = "EUR" } }));
    }

    [Test]
    public void Apply_leaves_the_current_document_as_it_was()
    {
        _ = MergePatchDocument.Apply(Current, Parse("{\"name\":\"Desk\"}"), WebOptions);

        Assert.That(Current.Name, Is.EqualTo("Lamp"));
    }

    [TestCase("{\"name\":null}")]
    [TestCase("{\"price\":null}")]
    [TestCase("{\"price\":{\"amount\":\"cheap\"}}")]
    [TestCase("{\"name\":7}")]
    public void Apply_throws_a_json_error_when_the_patched_document_does_not_read(string patch)
    {
        Assert.Throws<JsonException>(() => MergePatchDocument.Apply(Current, Parse(patch), WebOptions));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed record Document
    {
        public required string Name { get; init; }

        public string? Note { get; init; }

        public required Money Price { get; init; }
    }

    private sealed record Money
    {
        public required decimal Amount { get; init; }

        public required string Currency { get; init; }
    }
}
