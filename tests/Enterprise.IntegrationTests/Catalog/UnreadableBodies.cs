using System.Text.Json.Nodes;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>Ways a JSON body can be unreadable before any business rule looks at it.</summary>
public enum BodyDefect
{
    MalformedJson,
    TruncatedJson,
    EmptyBody,
    ArrayInsteadOfObject,
    WrongJsonType,
    NullForRequiredMember,
    MissingRequiredMember,
    UnknownMember,
    DuplicateMember,
}

/// <summary>Which members of a request shape each defect is applied to.</summary>
public sealed record BodyShape(
    string WrongTypeMember,
    JsonNode WrongTypeValue,
    string NullMember,
    string MissingMember,
    string UnknownMember,
    string DuplicateMember)
{
    public static readonly BodyShape Product = new("price", JsonValue.Create("12.50"), "name", "currency", "status", "sku");

    public static readonly BodyShape StockAdjustment = new("quantity", JsonValue.Create("5"), "reason", "quantity", "productId", "quantity");

    public static readonly BodyShape Category = new("name", JsonValue.Create(42), "name", "name", "slug", "name");
}

/// <summary>The unreadable body for a defect, and the field and message the 400 must name.</summary>
public sealed record UnreadableBody(string Body, string Field, string Message);

public static class UnreadableBodies
{
    public static readonly BodyDefect[] All = Enum.GetValues<BodyDefect>();

    public static UnreadableBody Make(BodyDefect defect, JsonObject valid, BodyShape shape)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(shape);
        var json = valid.ToJsonString();
        switch (defect)
        {
            case BodyDefect.MalformedJson:
                return new("{ this is not JSON }", "body", "The body is not valid JSON.");
            case BodyDefect.TruncatedJson:
                // Cut inside a member's name (the second one's when there is one), as a dropped connection would.
                var cut = json.IndexOf(',', StringComparison.Ordinal) is var comma and > 0 ? comma + 3 : 4;
                return new(json[..cut], "body", "The body is not valid JSON.");
            case BodyDefect.EmptyBody:
                return new(string.Empty, "body", "A non-empty request body is required.");
            case BodyDefect.ArrayInsteadOfObject:
                return new($"[{json}]", "body", "The value has the wrong JSON type or is out of range.");
            case BodyDefect.WrongJsonType:
                var wrongType = Copy(valid);
                wrongType[shape.WrongTypeMember] = shape.WrongTypeValue.DeepClone();
                return new(wrongType.ToJsonString(), shape.WrongTypeMember, "The value has the wrong JSON type or is out of range.");
            case BodyDefect.NullForRequiredMember:
                var withNull = Copy(valid);
                withNull[shape.NullMember] = null;
                return new(withNull.ToJsonString(), shape.NullMember, "The value must not be null.");
            case BodyDefect.MissingRequiredMember:
                var missing = Copy(valid);
                missing.Remove(shape.MissingMember);
                return new(missing.ToJsonString(), "body", $"Required members are missing: '{shape.MissingMember}'.");
            case BodyDefect.UnknownMember:
                var unknown = Copy(valid);
                unknown[shape.UnknownMember] = "set by the client";
                return new(unknown.ToJsonString(), shape.UnknownMember, $"Unknown member '{shape.UnknownMember}'; remove it.");
            case BodyDefect.DuplicateMember:
                // JsonObject cannot hold a member twice, so write the second one by hand.
                var first = valid[shape.DuplicateMember]!.ToJsonString();
                return new($"{json[..^1]},\"{shape.DuplicateMember}\":{first}}}", shape.DuplicateMember, "A member appears more than once.");
            default:
                throw new ArgumentOutOfRangeException(nameof(defect), defect, "Unknown body defect.");
        }
    }

    private static JsonObject Copy(JsonObject valid) => (JsonObject)valid.DeepClone();
}
