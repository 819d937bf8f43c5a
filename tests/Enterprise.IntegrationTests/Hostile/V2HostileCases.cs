using System.Buffers.Text;
using System.Text;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>A request that must be rejected with exactly this status and problem <c>code</c>.</summary>
public sealed record RejectedRequest(HostileRequest Request, int Status, string Code)
{
    public override string ToString() => Request.Description;
}

/// <summary>
/// A damage done to a real next-page cursor: the fixture fills <see cref="Placeholder"/> with the damaged cursor, so
/// every case starts from a cursor the API really issued.
/// </summary>
public sealed record CursorDamage(string What, string Placeholder, Func<string, string> Damage);

/// <summary>
/// Version 2's own hostile table: merge-patch bodies of every wrong shape, damaged and foreign cursors, odd
/// <c>limit</c>, <c>sort</c> and filter values, and odd <c>If-Match</c> values on every conditional write. Each case
/// names the status and problem code it must get; <see cref="V2HostileInputTests"/> also checks nothing changed.
/// </summary>
public static class V2HostileCases
{
    /// <summary>The product's entity tag once the fixture has changed it once (created at 1, adjusted to 2).</summary>
    public const string CurrentTag = "\"2\"";

    public const string StaleTag = "\"1\"";

    /// <summary>The list a real product cursor comes from (<see cref="Placeholders.ProductCursor"/>).</summary>
    public const string CursorList = "/api/v2/products?limit=1&sort=name";

    private const string MergePatch = "application/merge-patch+json";
    private const string Products = "/api/v2/products";
    private const string Product = $"{Products}/{Placeholders.Product}";
    private const string Categories = "/api/v2/categories";
    private const string UnknownId = "5d7f0c9e-0000-4000-8000-00000000dead";
    private const string ValidPatch = "{\"name\":\"Patched by the hostile suite\"}";
    private const int HugeBodyBytes = 5 * 1024 * 1024;

    private const string ValidProduct =
        "{\"sku\":\"" + Placeholders.NewSku + "\",\"name\":\"Hostile suite product\",\"description\":\"Sent by the hostile suite\"," +
        "\"price\":{\"amount\":10.5,\"currency\":\"EUR\"},\"stockQuantity\":5,\"categoryId\":\"" + Placeholders.Category + "\"}";

    private const string ValidAdjustment = "{\"quantity\":1,\"reason\":\"Hostile suite recount\"}";

    private static readonly (int Status, string Code) Unreadable = (400, "Request.Invalid");
    private static readonly (int Status, string Code) Invalid = (400, "Validation.Failed");
    private static readonly (int Status, string Code) Unsupported = (415, "Request.UnsupportedMediaType");
    private static readonly (int Status, string Code) TooLarge = (413, "Request.TooLarge");
    private static readonly (int Status, string Code) PreconditionRequired = (428, "Precondition.Required");
    private static readonly (int Status, string Code) PreconditionFailed = (412, "Precondition.Failed");
    private static readonly (int Status, string Code) ProductNotFound = (404, "Product.NotFound");
    private static readonly (int Status, string Code) RouteNotFound = (404, "Route.NotFound");
    private static readonly (int Status, string Code) UnknownCategory = (400, "Product.CategoryId.Unknown");
    private static readonly (int Status, string Code) BadCursor = (400, "Paging.Cursor.Invalid");
    private static readonly (int Status, string Code) OtherListCursor = (400, "Paging.Cursor.OtherList");

    /// <summary>What is done to a real cursor; each damage leaves one that no list may accept.</summary>
    public static IReadOnlyList<CursorDamage> CursorDamages { get; } = [.. new (string What, Func<string, string> Damage)[]
    {
        ("cut in half", cursor => cursor[..(cursor.Length / 2)]),
        ("one character short", cursor => cursor[..^1]),
        ("one character longer", cursor => cursor + "A"),
        ("four characters longer", cursor => cursor + "AAAA"),
        ("repeated twice", cursor => cursor + cursor),
        ("reversed", cursor => new string([.. cursor.Reverse()])),
        ("in upper case", cursor => cursor.ToUpperInvariant()),
        ("its first character changed", cursor => ChangeCharacter(cursor, 0)),
        ("a middle character changed", cursor => ChangeCharacter(cursor, cursor.Length / 2)),
        ("its last character changed", cursor => ChangeCharacter(cursor, cursor.Length - 1)),
        ("a bit flipped in its position", cursor => FlipBit(cursor, fromEnd: false)),
        ("a bit flipped in its checksum", cursor => FlipBit(cursor, fromEnd: true)),
        ("an encoded NUL after it", cursor => cursor + "%00"),
    }.Select((damage, index) => new CursorDamage(damage.What, $"%DAMAGED_CURSOR_{index}%", damage.Damage))];

    public static IReadOnlyList<RejectedRequest> Rejected { get; } =
        [.. PatchBodyCases().Concat(PatchContentTypeCases()).Concat(PatchTargetCases()).Concat(CursorCases()).Concat(QueryCases()).Concat(IfMatchCases())];

    public static IEnumerable<TestCaseData> RejectedCases =>
        Rejected.Select(rejected => new TestCaseData(rejected).SetName($"Rejects {rejected.Request.Description}".Replace('(', '[').Replace(')', ']')));

    private static RejectedRequest Patch(string what, string? body, (int Status, string Code) expected, string? contentType = MergePatch) =>
        Patch(what, body is null ? null : HostileRequest.Utf8(body), expected, contentType);

    private static RejectedRequest Patch(string what, byte[]? body, (int Status, string Code) expected, string? contentType = MergePatch) =>
        new(
            new HostileRequest($"v2 patch product with {what}", "PATCH", Product, body, body is null ? null : contentType, [new("If-Match", CurrentTag)]),
            expected.Status,
            expected.Code);

    private static IEnumerable<RejectedRequest> PatchBodyCases()
    {
        RejectedRequest Unread(string what, string body) => Patch(what, body, Unreadable);

        // Not JSON, or not one JSON document.
        yield return Unread("text that is not JSON", "{ this is not JSON }");
        yield return Unread("only an opening brace", "{");
        yield return Unread("only a closing brace", "}");
        yield return Unread("a member without a value", "{\"name\": }");
        yield return Unread("a trailing comma", "{\"name\":\"x\",}");
        yield return Unread("single-quoted strings", "{'name':'x'}");
        yield return Unread("unquoted member names", "{name:\"x\"}");
        yield return Unread("a comment before the patch", "// note\n" + ValidPatch);
        yield return Unread("garbage after the patch", ValidPatch + "x");
        yield return Unread("two patches in a row", ValidPatch + ValidPatch);
        yield return Unread("an unterminated string", "{\"name\":\"abc");
        yield return Unread("an unescaped control character inside a string", "{\"name\":\"a\u0001b\"}");
        yield return Unread("a raw line break inside a string", "{\"name\":\"a\nb\"}");
        yield return Unread("an invalid escape sequence", "{\"name\":\"a\\qb\"}");
        yield return Unread("a lone surrogate escape", "{\"name\":\"a\\uD800b\"}");
        yield return Unread("a lone surrogate escape in a member name", "{\"na\\uDC00me\":\"x\"}");
        yield return Patch("invalid UTF-8 bytes inside a string", [.. "{\"name\":\"a"u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8], Unreadable);
        yield return Patch("invalid UTF-8 bytes in a member name", [.. "{\"na"u8, 0xED, 0xA0, 0x80, .. "me\":\"x\"}"u8], Unreadable);
        yield return Patch("a UTF-16 body declared as UTF-8", Encoding.Unicode.GetBytes(ValidPatch), Unreadable);
        yield return Patch("a body of NUL bytes", new byte[64], Unreadable);
        yield return Unread("an empty body", string.Empty);
        yield return Unread("only whitespace", " \r\n\t ");
        yield return Unread("a byte order mark only", "\uFEFF");
        foreach (var length in new[] { 1, 9, 20, 31 })
        {
            const string Whole = "{\"price\":{\"amount\":1,\"currency\":\"EUR\"}}";
            yield return Unread($"the patch truncated to {length} of {Whole.Length} characters", Whole[..length]);
        }

        // JSON, but not an object: RFC 7396 would replace the whole document with it, which is never a product.
        yield return Unread("a bare string", "\"hello\"");
        yield return Unread("a bare number", "42");
        yield return Unread("a bare true", "true");
        yield return Unread("the JSON literal null", "null");
        yield return Unread("an empty array", "[]");
        yield return Unread("the patch wrapped in an array", $"[{ValidPatch}]");
        yield return Unread("a JSON Patch document", "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]");

        // Null removes a member: the result then lacks a required one.
        foreach (var member in new[] { "sku", "name", "price", "stockQuantity", "categoryId" })
        {
            yield return Unread($"{member} null", $"{{\"{member}\":null}}");
        }

        yield return Unread("price.amount null", "{\"price\":{\"amount\":null}}");
        yield return Unread("price.currency null", "{\"price\":{\"currency\":null}}");
        yield return Unread("every member null", "{\"sku\":null,\"name\":null,\"description\":null,\"price\":null,\"stockQuantity\":null,\"categoryId\":null}");

        // Members of the wrong JSON type, or out of their type's range.
        foreach (var (member, what, raw) in new[]
        {
            ("sku", "the number 42", "42"), ("sku", "true", "true"), ("sku", "an object", "{}"), ("sku", "an array of strings", "[\"A\"]"),
            ("name", "the number 42", "42"), ("name", "an object", "{}"), ("description", "the number 42", "42"), ("description", "an array", "[]"),
            ("price", "a bare number as in v1", "10.5"), ("price", "the string 10.5", "\"10.5\""), ("price", "an array", "[10.5]"), ("price", "true", "true"),
            ("stockQuantity", "the string 5", "\"5\""), ("stockQuantity", "a fraction", "1.5"), ("stockQuantity", "an exponent", "1e2"),
            ("stockQuantity", "int.MaxValue plus one", "2147483648"), ("stockQuantity", "int.MinValue minus one", "-2147483649"), ("stockQuantity", "true", "true"),
            ("stockQuantity", "an object", "{}"), ("categoryId", "the number 42", "42"), ("categoryId", "a string that is not a GUID", "\"not-a-guid\""),
            ("categoryId", "an empty string", "\"\""), ("categoryId", "an object", "{}"),
        })
        {
            yield return Unread($"{member} as {what}", $"{{\"{member}\":{raw}}}");
        }

        foreach (var (member, what, raw) in new[]
        {
            ("amount", "the string 10.5", "\"10.5\""), ("amount", "the string NaN", "\"NaN\""), ("amount", "a bare NaN token", "NaN"), ("amount", "true", "true"),
            ("amount", "an object", "{}"), ("amount", "1e400", "1e400"), ("amount", "decimal.MaxValue plus one", "79228162514264337593543950336"),
            ("amount", "a hex literal", "0x10"), ("currency", "the number 42", "42"), ("currency", "an object", "{}"), ("currency", "an array", "[\"EUR\"]"),
        })
        {
            yield return Unread($"price.{member} as {what}", $"{{\"price\":{{\"{member}\":{raw}}}}}");
        }

        // A member more than once, at the top or nested: which one wins would be a guess.
        yield return Unread("name twice with the same value", "{\"name\":\"a\",\"name\":\"a\"}");
        yield return Unread("name twice with different values", "{\"name\":\"a\",\"name\":\"b\"}");
        yield return Unread("name twice, the second null", "{\"name\":\"a\",\"name\":null}");
        yield return Unread("stockQuantity three times", "{\"stockQuantity\":1,\"stockQuantity\":2,\"stockQuantity\":3}");
        yield return Unread("price twice", "{\"price\":{\"amount\":1},\"price\":{\"amount\":2}}");
        yield return Unread("price.amount twice", "{\"price\":{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}}");
        yield return Unread("price.currency twice", "{\"price\":{\"currency\":\"EUR\",\"currency\":\"USD\"}}");
        yield return Unread("name twice, once in upper case", "{\"name\":\"a\",\"NAME\":\"b\"}");

        // Members the write document does not have.
        foreach (var unknown in new[] { "colour", "id", "status", "version", "createdAt", "currency", "__proto__", "$type", string.Empty })
        {
            yield return Unread($"the unknown member [{unknown}]", $"{{\"{unknown}\":\"set by the client\"}}");
        }

        yield return Unread("an unknown member inside price", "{\"price\":{\"vat\":20}}");

        // Well-formed values the domain rules refuse.
        foreach (var (what, patch) in new[]
        {
            ("an empty name", "{\"name\":\"\"}"), ("a name of 201 characters", $"{{\"name\":\"{new string('n', 201)}\"}}"),
            ("a name with a NUL character", "{\"name\":\"Widget\\u0000Pro\"}"), ("a name with a line break", "{\"name\":\"Widget\\nPro\"}"),
            ("a SKU of 2 characters", "{\"sku\":\"AB\"}"), ("a SKU with a double hyphen", "{\"sku\":\"AB--12\"}"),
            ("a description of 2001 characters", $"{{\"description\":\"{new string('d', 2001)}\"}}"),
            ("a negative price", "{\"price\":{\"amount\":-1}}"), ("a price with 5 decimal places", "{\"price\":{\"amount\":0.00001}}"),
            ("a price of 10^14", "{\"price\":{\"amount\":100000000000000}}"), ("a currency of 4 letters", "{\"price\":{\"currency\":\"EURO\"}}"),
            ("the currency XXX", "{\"price\":{\"currency\":\"XXX\"}}"), ("a negative stock quantity", "{\"stockQuantity\":-1}"),
            ("the empty GUID as category", $"{{\"categoryId\":\"{Guid.Empty}\"}}"),
        })
        {
            yield return Patch(what, patch, Invalid);
        }

        foreach (var (what, category) in new[] { ("an unknown category", UnknownId), ("a deleted category", Placeholders.DeletedCategory), ("a product id as category", Placeholders.Product) })
        {
            yield return Patch(what, $"{{\"categoryId\":\"{category}\"}}", UnknownCategory);
        }

        // Huge and deep.
        yield return Patch("a 5 MB name", $"{{\"name\":\"{new string('x', HugeBodyBytes)}\"}}", TooLarge);
        yield return Patch("5 MB of whitespace before the patch", new string(' ', HugeBodyBytes) + ValidPatch, TooLarge);
        yield return Unread("price nested 40 objects deep", "{\"price\":" + string.Concat(Enumerable.Repeat("{\"amount\":", 40)) + "1" + new string('}', 41));
        yield return Unread("objects nested 1000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000));
        yield return Unread("100000 unclosed arrays", new string('[', 100_000));
    }

    private static IEnumerable<RejectedRequest> PatchContentTypeCases()
    {
        foreach (var contentType in new[]
        {
            "application/json", "application/json-patch+json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "*/*", "merge-patch+json", "application/merge-patch",
        })
        {
            yield return Patch($"a patch declared as {contentType.Replace('/', '∕')}", ValidPatch, Unsupported, contentType);
        }

        yield return Patch("a patch without Content-Type", ValidPatch, Unsupported, contentType: null);
        yield return Patch("no body at all", (byte[]?)null, Unsupported);
        yield return Patch("an empty body declared as JSON", string.Empty, Unsupported, "application/json");
    }

    private static IEnumerable<RejectedRequest> PatchTargetCases()
    {
        foreach (var (what, id, expected) in new[]
        {
            ("an archived product", Placeholders.ArchivedProduct, ProductNotFound), ("an unknown product", UnknownId, ProductNotFound),
            ("a word for an id", "not-a-guid", RouteNotFound), ("a category id", Placeholders.Category, ProductNotFound),
        })
        {
            yield return new(
                new HostileRequest($"v2 patch of {what}", "PATCH", $"{Products}/{id}", HostileRequest.Utf8(ValidPatch), MergePatch, [new("If-Match", CurrentTag)]),
                expected.Status,
                expected.Code);
        }
    }

    private static IEnumerable<RejectedRequest> CursorCases()
    {
        RejectedRequest List(string what, string query, (int Status, string Code) expected, string list = Products) =>
            new(new HostileRequest($"v2 list {(list == Products ? "products" : "categories")} with {what}", "GET", $"{list}?{query}"), expected.Status, expected.Code);

        foreach (var damage in CursorDamages)
        {
            yield return List($"a cursor {damage.What}", $"limit=1&sort=name&cursor={damage.Placeholder}", BadCursor);
        }

        var madeUp = Base64Url.EncodeToString([.. "{\"l\":\"x\",\"p\":[\"a\",\"00000000-0000-0000-0000-000000000000\"]}"u8, .. new byte[16]]);
        foreach (var (what, cursor) in new[]
        {
            ("a word for a cursor", "not-a-cursor"), ("a made-up cursor with a zero checksum", madeUp), ("a GUID for a cursor", UnknownId),
            ("a cursor of punctuation", "%21%21%21"), ("a cursor with dots", "eyJhbGciOiJIUzI1NiJ9.e30.x"), ("a cursor of one character", "A"),
            ("a cursor in standard base64", "ab+/cd=="), ("a cursor of an encoded NUL", "%00"),
        })
        {
            yield return List(what, $"limit=1&sort=name&cursor={cursor}", BadCursor);
        }

        yield return List("a cursor of 2049 characters", $"cursor={new string('A', 2049)}", Invalid);
        yield return List("a cursor of 10000 characters", $"cursor={new string('A', 10_000)}", Invalid);

        // A real cursor, sent with another list than the one it came from.
        foreach (var (what, query) in new[]
        {
            ("the reverse sort", "sort=-name"), ("another sort field", "sort=price"), ("the SKU sort", "sort=sku"), ("a search", "sort=name&q=zz"),
            ("a category filter", $"sort=name&categoryId={Placeholders.Category}"), ("a status filter", "sort=name&status=archived"),
            ("a price bound", "sort=name&minPrice=1"), ("a second sort field", "sort=name,sku"),
        })
        {
            yield return List($"a cursor of another list [{what}]", $"{query}&cursor={Placeholders.ProductCursor}", OtherListCursor);
        }

        yield return List("a categories cursor", $"sort=name&cursor={Placeholders.CategoryCursor}", OtherListCursor);
        yield return List("a products cursor", $"cursor={Placeholders.ProductCursor}", OtherListCursor, Categories);
        foreach (var damage in CursorDamages.Take(3))
        {
            yield return List($"a products cursor {damage.What}", $"cursor={damage.Placeholder}", BadCursor, Categories);
        }
    }

    private static IEnumerable<RejectedRequest> QueryCases()
    {
        RejectedRequest List(string list, string what, string query, (int Status, string Code) expected) =>
            new(new HostileRequest($"v2 list {list} with {what}", "GET", $"{(list == "products" ? Products : Categories)}?{query}"), expected.Status, expected.Code);

        foreach (var list in new[] { "products", "categories" })
        {
            foreach (var (what, query, expected) in new[]
            {
                ("limit 0", "limit=0", Invalid), ("limit -1", "limit=-1", Invalid), ("limit 101", "limit=101", Invalid),
                ("limit int.MaxValue", "limit=2147483647", Invalid), ("limit int.MaxValue plus one", "limit=2147483648", Unreadable),
                ("limit as a word", "limit=abc", Unreadable), ("limit 1.5", "limit=1.5", Unreadable), ("limit 1e2", "limit=1e2", Unreadable),
                ("limit NaN", "limit=NaN", Unreadable), ("limit empty", "limit=", Unreadable), ("limit as an encoded NUL", "limit=%00", Unreadable),
                ("limit as SQL injection", "limit=1%20OR%201%3D1", Unreadable),
            })
            {
                yield return List(list, what, query, expected);
            }
        }

        foreach (var (what, query, expected) in new[]
        {
            ("sort by an unknown field", "sort=password", Invalid), ("sort with SQL injection", "sort=name%3B%20DROP%20TABLE%20Products", Invalid),
            ("sort as a lone minus", "sort=-", Invalid), ("sort as commas only", "sort=,,,", Invalid), ("sort by five fields", "sort=name,sku,price,stockQuantity,createdAt", Invalid),
            ("sort by a field twice", "sort=name,-name", Invalid), ("sort with a double minus", "sort=--name", Invalid), ("sort with an encoded NUL", "sort=name%00", Invalid),
            ("sort by a subquery", "sort=%28SELECT%201%29", Invalid), ("sort in SQL syntax", "sort=name%20desc", Invalid),
            ("sort by 1000 fields", "sort=" + string.Join(',', Enumerable.Repeat("name", 1000)), Invalid), ("sort by the id", "sort=id", Invalid),
            ("minPrice as a word", "minPrice=abc", Unreadable), ("minPrice NaN", "minPrice=NaN", Unreadable), ("minPrice 1e400", "minPrice=1e400", Unreadable),
            ("minPrice -1", "minPrice=-1", Invalid), ("minPrice with 5 decimal places", "minPrice=0.00001", Invalid), ("maxPrice of 10^14", "maxPrice=100000000000000", Invalid),
            ("maxPrice below minPrice", "minPrice=10&maxPrice=5", Invalid), ("maxPrice as an encoded NUL", "maxPrice=%00", Unreadable),
            ("status as a word it does not know", "status=deleted", Unreadable), ("status 99", "status=99", Unreadable),
            ("status as SQL injection", "status=active%27%20OR%201%3D1", Unreadable), ("categoryId as a word", "categoryId=not-a-guid", Unreadable),
            ("categoryId as an encoded NUL", "categoryId=%00", Unreadable), ("q of 101 characters", "q=" + new string('q', 101), Invalid),
            ("q as an encoded NUL", "q=%00", Invalid), ("q with an escape sequence", "q=%1B%5B2J", Invalid),
        })
        {
            yield return List("products", what, query, expected);
        }
    }

    /// <summary>Every conditional write, with every kind of <c>If-Match</c> that must not let it through.</summary>
    private static IEnumerable<RejectedRequest> IfMatchCases()
    {
        (string Name, string Method, string Path, string? Body, string ContentType)[] writes =
        [
            ("replace product", "PUT", Product, ValidProduct, HostileRequest.Json),
            ("patch product", "PATCH", Product, ValidPatch, MergePatch),
            ("archive product", "DELETE", Product, null, HostileRequest.Json),
            ("adjust stock", "POST", $"{Product}/stock-adjustments", ValidAdjustment, HostileRequest.Json),
        ];
        var staleList = string.Join(", ", Enumerable.Range(1000, 500).Select(version => $"\"{version}\"").Prepend(StaleTag));
        foreach (var (name, method, path, body, contentType) in writes)
        {
            RejectedRequest Write(string what, (string Name, string Value)[] headers, (int Status, string Code) expected, string target = Product) =>
                new(
                    new HostileRequest(
                        $"v2 {name} with {what}",
                        method,
                        path.Replace(Product, target, StringComparison.Ordinal),
                        body is null ? null : HostileRequest.Utf8(body),
                        body is null ? null : contentType,
                        [.. headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value))]),
                    expected.Status,
                    expected.Code);

            yield return Write("no If-Match", [], PreconditionRequired);
            yield return Write("an empty If-Match", [("If-Match", string.Empty)], PreconditionRequired);
            yield return Write("If-Match of the stale tag", [("If-Match", StaleTag)], PreconditionFailed);
            yield return Write("If-Match of the current tag made weak", [("If-Match", "W/" + CurrentTag)], PreconditionFailed);
            yield return Write("If-Match of the stale tag made weak", [("If-Match", "W/" + StaleTag)], PreconditionFailed);
            yield return Write("If-Match of the current version unquoted", [("If-Match", "2")], PreconditionFailed);
            yield return Write("If-Match of an unterminated tag", [("If-Match", "\"2")], PreconditionFailed);
            yield return Write("If-Match of an empty tag", [("If-Match", "\"\"")], PreconditionFailed);
            yield return Write("If-Match of garbage", [("If-Match", "garbage")], PreconditionFailed);
            yield return Write("If-Match of the current version with a leading zero", [("If-Match", "\"02\"")], PreconditionFailed);
            yield return Write("If-Match of a negative version", [("If-Match", "\"-1\"")], PreconditionFailed);
            yield return Write("If-Match of a version beyond long", [("If-Match", "\"9223372036854775808\"")], PreconditionFailed);
            yield return Write("If-Match of the current tag with a space inside", [("If-Match", "\" 2\"")], PreconditionFailed);
            yield return Write("If-Match of a list of stale tags", [("If-Match", $"{StaleTag}, \"999\"")], PreconditionFailed);
            yield return Write("If-Match of a stale tag and garbage", [("If-Match", $"{StaleTag}, garbage")], PreconditionFailed);
            yield return Write("If-Match of the current tag and garbage", [("If-Match", $"{CurrentTag}, garbage")], PreconditionFailed);
            yield return Write("If-Match of an asterisk and a stale tag", [("If-Match", $"*, {StaleTag}")], PreconditionFailed);
            yield return Write("two If-Match headers of stale tags", [("If-Match", StaleTag), ("If-Match", "\"999\"")], PreconditionFailed);
            yield return Write("If-Match of 501 stale tags", [("If-Match", staleList)], PreconditionFailed);
            yield return Write("If-Match of a tag of 4000 characters", [("If-Match", $"\"{new string('7', 4000)}\"")], PreconditionFailed);
            yield return Write("If-Match of an asterisk on an archived product", [("If-Match", "*")], ProductNotFound, $"{Products}/{Placeholders.ArchivedProduct}");
            yield return Write("If-Match of the current tag on an unknown product", [("If-Match", CurrentTag)], ProductNotFound, $"{Products}/{UnknownId}");
        }
    }

    /// <summary>Another base64url character whose 6-bit value differs in its highest bit, which every position uses.</summary>
    private static string ChangeCharacter(string cursor, int index)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var chars = cursor.ToCharArray();
        chars[index] = Alphabet[Alphabet.IndexOf(chars[index], StringComparison.Ordinal) ^ 32];
        return new string(chars);
    }

    private static string FlipBit(string cursor, bool fromEnd)
    {
        var bytes = Base64Url.DecodeFromChars(cursor);
        bytes[fromEnd ? bytes.Length - 1 : 2] ^= 0x10;
        return Base64Url.EncodeToString(bytes);
    }
}
