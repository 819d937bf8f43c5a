using System.Text;
using System.Text.Json.Nodes;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// The requests that must be rejected: each one a 4xx problem+json, never a 5xx, with the database unchanged.
/// Every table runs once per version in <see cref="ApiSurface.Versions"/>.
/// </summary>
public static class HostileCases
{
    private const string UnknownId = "5d7f0c9e-0000-4000-8000-00000000dead";
    private const int HugeBodyBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<HostileRequest> Rejected { get; } = [.. ApiSurface.Versions.SelectMany(For)];

    public static IEnumerable<TestCaseData> RejectedCases =>
        Rejected.Select(request => new TestCaseData(request).SetName(Name(request)));

    private static string Name(HostileRequest request) =>
        $"Rejects {request.Description}".Replace('(', '[').Replace(')', ']');

    private static IEnumerable<HostileRequest> For(string version)
    {
        var endpoints = ApiSurface.EndpointsOf(version);
        foreach (var endpoint in endpoints.Where(endpoint => endpoint.Body != BodyKind.None))
        {
            foreach (var request in BodyCases(version, endpoint))
            {
                yield return request;
            }

            foreach (var request in ContentTypeCases(version, endpoint))
            {
                yield return request;
            }

            foreach (var request in HugeBodyCases(version, endpoint))
            {
                yield return request;
            }
        }

        foreach (var endpoint in endpoints.Where(endpoint => endpoint.HasId))
        {
            foreach (var request in IdCases(version, endpoint))
            {
                yield return request;
            }
        }

        foreach (var endpoint in endpoints)
        {
            foreach (var request in RouteCases(version, endpoint))
            {
                yield return request;
            }
        }

        foreach (var request in QueryCases(version).Concat(MethodCases(version)).Concat(AcceptCases(version)).Concat(IfMatchCases(version)))
        {
            yield return request;
        }
    }

    private static HostileRequest Send(string version, ApiEndpoint endpoint, string what, string? body, string? contentType = HostileRequest.Json, string? id = null) =>
        Send(version, endpoint, what, body is null ? null : HostileRequest.Utf8(body), contentType, id);

    private static HostileRequest Send(string version, ApiEndpoint endpoint, string what, byte[]? body, string? contentType = HostileRequest.Json, string? id = null) =>
        new($"{version} {endpoint.Name} with {what}", endpoint.Method, endpoint.Path(version, id), body, body is null ? null : contentType);

    private static string ValidJson(ApiEndpoint endpoint) => ApiSurface.ValidBody(endpoint.Body).ToJsonString();

    private static string With(ApiEndpoint endpoint, string member, JsonNode? value)
    {
        var body = ApiSurface.ValidBody(endpoint.Body);
        body[member] = value;
        return body.ToJsonString();
    }

    /// <summary>The valid body with one member's value written as raw JSON text (which may not be valid JSON).</summary>
    private static string WithRaw(ApiEndpoint endpoint, string member, string rawValue)
    {
        var body = ApiSurface.ValidBody(endpoint.Body);
        const string Marker = "\"__raw__\"";
        body[member] = "__raw__";
        return body.ToJsonString().Replace(Marker, rawValue, StringComparison.Ordinal);
    }

    private static IEnumerable<HostileRequest> BodyCases(string version, ApiEndpoint endpoint)
    {
        var valid = ValidJson(endpoint);
        var members = ApiSurface.MembersOf(endpoint.Body);
        var firstText = members.First(member => member.Kind == MemberKind.Text).Name;
        HostileRequest Case(string what, string body) => Send(version, endpoint, what, body);

        // Malformed JSON.
        yield return Case("text that is not JSON", "{ this is not JSON }");
        yield return Case("only an opening brace", "{");
        yield return Case("only a closing brace", "}");
        yield return Case("a member without a value", $"{{\"{firstText}\": }}");
        yield return Case("a trailing comma", valid[..^1] + ",}");
        yield return Case("single-quoted strings", valid.Replace('"', '\''));
        yield return Case("a comment before the body", "// note\n" + valid);
        yield return Case("garbage after the body", valid + "x");
        yield return Case("two documents in a row", valid + valid);
        yield return Case("an unterminated string", $"{{\"{firstText}\": \"abc");
        yield return Case("an unescaped control character inside a string", WithRaw(endpoint, firstText, "\"a\u0001b\""));
        yield return Case("a raw line break inside a string", WithRaw(endpoint, firstText, "\"a\nb\""));
        yield return Case("an invalid escape sequence", WithRaw(endpoint, firstText, "\"a\\qb\""));
        yield return Case("a lone surrogate escape", WithRaw(endpoint, firstText, "\"a\\uD800b\""));
        yield return Case("unquoted member names", valid.Replace($"\"{firstText}\"", firstText, StringComparison.Ordinal));
        yield return Send(version, endpoint, "invalid UTF-8 bytes inside a string", InvalidUtf8(WithRaw(endpoint, firstText, "\"__bytes__\"")));
        yield return Send(version, endpoint, "a UTF-16 body declared as UTF-8", Encoding.Unicode.GetBytes(valid));
        yield return Send(version, endpoint, "a body of NUL bytes", new byte[64]);
        yield return Case("an empty body", string.Empty);
        yield return Case("only whitespace", " \r\n\t ");
        yield return Case("a byte order mark only", "\uFEFF");
        yield return Case("a bare string", "\"hello\"");
        yield return Case("a bare number", "42");
        yield return Case("a bare true", "true");
        yield return Case("the JSON literal null", "null");
        yield return Case("an empty object", "{}");
        yield return Case("an empty array", "[]");
        yield return Case("the body wrapped in an array", $"[{valid}]");

        // Truncated JSON, as a dropped connection leaves it.
        foreach (var length in new[] { 1, valid.Length / 3, valid.Length / 2, valid.Length - 1 }.Distinct())
        {
            yield return Case($"the body truncated to {length} of {valid.Length} characters", valid[..length]);
        }

        // Deeply nested documents.
        yield return Case($"{firstText} nested 65 arrays deep", WithRaw(endpoint, firstText, new string('[', 65) + new string(']', 65)));
        yield return Case("objects nested 1000 deep", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000));
        yield return Case("100000 unclosed arrays", new string('[', 100_000));

        foreach (var member in members)
        {
            if (member.Required)
            {
                yield return Case($"{member.Name} null", With(endpoint, member.Name, null));
                var without = ApiSurface.ValidBody(endpoint.Body);
                without.Remove(member.Name);
                yield return Case($"{member.Name} missing", without.ToJsonString());
            }

            foreach (var (what, raw) in WrongJson(member.Kind))
            {
                yield return Case($"{member.Name} as {what}", WithRaw(endpoint, member.Name, raw));
            }

            // Duplicate keys: the same value again, then a different one.
            var value = ApiSurface.ValidBody(endpoint.Body)[member.Name]!.ToJsonString();
            yield return Case($"{member.Name} twice with the same value", $"{valid[..^1]},\"{member.Name}\":{value}}}");
            yield return Case($"{member.Name} twice, the second null", $"{valid[..^1]},\"{member.Name}\":null}}");
            yield return Case($"{member.Name} twice, once in upper case", $"{valid[..^1]},\"{member.Name.ToUpperInvariant()}\":{value}}}");
        }

        foreach (var unknown in new[] { "id", "status", "version", "__proto__", "$type", string.Empty, "constructor" })
        {
            var body = ApiSurface.ValidBody(endpoint.Body);
            body[unknown] = "set by the client";
            yield return Case($"the unknown member [{unknown}]", body.ToJsonString());
        }

        foreach (var (member, what, value) in DomainViolations(endpoint.Body))
        {
            yield return Case($"{member} {what}", With(endpoint, member, value));
        }
    }

    private static byte[] InvalidUtf8(string json)
    {
        var bytes = HostileRequest.Utf8(json);
        var marker = HostileRequest.Utf8("__bytes__");
        var at = bytes.AsSpan().IndexOf(marker);
        return [.. bytes[..at], 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. bytes[(at + marker.Length)..]];
    }

    /// <summary>Values of the wrong JSON type or beyond the member type's range, as raw JSON text.</summary>
    private static IEnumerable<(string What, string Raw)> WrongJson(MemberKind kind)
    {
        (string, string)[] common = [("true", "true"), ("an object", "{}")];
        return kind switch
        {
            MemberKind.Text => [.. common, ("the number 42", "42"), ("a fraction", "1.5"), ("an array of strings", "[\"a\"]")],
            MemberKind.Number =>
            [
                .. common,
                ("the string 10.5", "\"10.5\""),
                ("the string NaN", "\"NaN\""),
                ("the string Infinity", "\"Infinity\""),
                ("the string -Infinity", "\"-Infinity\""),
                ("the string 1e3", "\"1e3\""),
                ("an array", "[10.5]"),
                ("a bare NaN token", "NaN"),
                ("a bare Infinity token", "Infinity"),
                ("1e400, beyond any floating point", "1e400"),
                ("-1e400", "-1e400"),
                ("decimal.MaxValue plus one", "79228162514264337593543950336"),
                ("decimal.MinValue minus one", "-79228162514264337593543950336"),
                ("1e29, beyond decimal", "1e29"),
                ("a hex literal", "0x10"),
                ("a leading plus sign", "+5"),
                ("leading zeros", "007"),
                ("a trailing decimal point", "5."),
            ],
            MemberKind.WholeNumber =>
            [
                .. common,
                ("the string 5", "\"5\""),
                ("the string NaN", "\"NaN\""),
                ("the string Infinity", "\"Infinity\""),
                ("the string -Infinity", "\"-Infinity\""),
                ("an array", "[5]"),
                ("a bare NaN token", "NaN"),
                ("a fraction", "1.5"),
                ("an exponent", "1e2"),
                ("int.MaxValue plus one", "2147483648"),
                ("int.MinValue minus one", "-2147483649"),
                ("long.MaxValue plus one", "9223372036854775808"),
                ("1e400", "1e400"),
            ],
            MemberKind.Identifier =>
            [
                .. common,
                ("the number 42", "42"),
                ("a string that is not a GUID", "\"not-a-guid\""),
                ("an empty string", "\"\""),
                ("a GUID with a non-hex digit", "\"00000000-0000-0000-0000-00000000000g\""),
                ("a truncated GUID", "\"00000000-0000-0000-0000\""),
                ("SQL text", "\"' OR 1=1 --\""),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown member kind."),
        };
    }

    /// <summary>Well-formed values the domain rules refuse: lengths, ranges, formats, control characters.</summary>
    private static IEnumerable<(string Member, string What, JsonNode? Value)> DomainViolations(BodyKind body)
    {
        switch (body)
        {
            case BodyKind.Product:
                foreach (var (what, sku) in new[]
                {
                    ("empty", string.Empty), ("blank", "   "), ("of 2 characters", "AB"), ("of 33 characters", new string('A', 33)),
                    ("of 10000 characters", new string('A', 10_000)), ("with a double hyphen", "AB--12"), ("with a leading hyphen", "-AB12"),
                    ("with a space", "AB 12"), ("with a tab", "AB\t12"), ("with a NUL character", "AB\u000012"),
                    ("with a right-to-left override", "AB\u202E12"), ("with a zero-width space", "AB\u200B-12"),
                    ("with SQL injection", "AB'; DROP TABLE Products;--"), ("with a script tag", "<script>alert(1)</script>"),
                    ("with a path traversal", "../../etc/passwd"), ("with an umlaut", "ÄB-12"), ("in full-width letters", "ＡＢ-12"),
                })
                {
                    yield return ("sku", what, sku);
                }

                foreach (var (what, name) in new[]
                {
                    ("empty", string.Empty), ("blank", " \t\r\n "), ("of 201 characters", new string('n', 201)),
                    ("of 100000 characters", new string('n', 100_000)), ("of only a NUL character", "\u0000"),
                    ("with a NUL character", "Widget\u0000Pro"), ("with a bell character", "Widget\u0007"),
                    ("with an escape sequence", "Widget \u001b[31mred"), ("with a line break", "Widget\nPro"),
                    ("with a DEL character", "Widget\u007f"), ("with a C1 control character", "Widget\u0085\u009b"),
                })
                {
                    yield return ("name", what, name);
                }

                yield return ("description", "of 2001 characters", new string('d', 2001));
                yield return ("description", "of 1000000 characters", new string('d', 1_000_000));
                yield return ("description", "with a NUL character", "Safe\u0000text");
                yield return ("description", "with an escape sequence", "Safe \u001b[2J text");

                foreach (var (what, price) in new[]
                {
                    ("-1", -1m), ("-0.0001", -0.0001m), ("with 5 decimal places", 0.00001m), ("of 10^14", 100_000_000_000_000m),
                    ("just above the maximum", 99_999_999_999_999.99995m), ("decimal.MaxValue", decimal.MaxValue), ("decimal.MinValue", decimal.MinValue),
                })
                {
                    yield return ("price", what, price);
                }

                foreach (var (what, currency) in new[]
                {
                    ("empty", string.Empty), ("blank", "   "), ("XXX", "XXX"), ("of 2 letters", "EU"), ("of 4 letters", "EURO"),
                    ("with a NUL character", "EU\u0000R"), ("as a symbol", "€"), ("of 1000 characters", new string('E', 1000)),
                    ("with SQL injection", "'; DROP TABLE Products;--"), ("with a script tag", "<script>"),
                })
                {
                    yield return ("currency", what, currency);
                }

                yield return ("stockQuantity", "-1", -1);
                yield return ("stockQuantity", "int.MinValue", int.MinValue);
                yield return ("categoryId", "the empty GUID", Guid.Empty);
                yield return ("categoryId", "an unknown GUID", UnknownId);
                yield return ("categoryId", "a deleted category", Placeholders.DeletedCategory);
                yield return ("categoryId", "a product id", Placeholders.Product);
                break;

            case BodyKind.StockAdjustment:
                yield return ("quantity", "zero", 0);
                yield return ("quantity", "int.MaxValue, overflowing the stock", int.MaxValue);
                yield return ("quantity", "int.MinValue", int.MinValue);
                yield return ("quantity", "-6, more than in stock", -6);
                yield return ("reason", "empty", string.Empty);
                yield return ("reason", "blank", "   ");
                yield return ("reason", "of 201 characters", new string('r', 201));
                yield return ("reason", "of 100000 characters", new string('r', 100_000));
                yield return ("reason", "of only a NUL character", "\u0000");
                yield return ("reason", "with an escape sequence", "Recount \u001b[2J");
                break;

            case BodyKind.Category:
                foreach (var (what, name) in new[]
                {
                    ("empty", string.Empty), ("blank", " \t "), ("of 101 characters", new string('c', 101)),
                    ("of 1000000 characters", new string('c', 1_000_000)), ("without letters or digits", "!!! ???"),
                    ("of only a right-to-left override", "\u202E"), ("of only zero-width spaces", "\u200B\u200B"),
                    ("of only a NUL character", "\u0000"), ("with a NUL character", "Tools\u0000Hardware"),
                    ("with an escape sequence", "Tools \u001b[31m"), ("with a line break", "Tools\nHardware"),
                    ("of an existing category", Placeholders.CategoryName), ("of an existing category padded with spaces", $"  {Placeholders.CategoryName}  "),
                })
                {
                    yield return ("name", what, name);
                }

                break;

            default:
                yield break;
        }
    }

    private static IEnumerable<HostileRequest> ContentTypeCases(string version, ApiEndpoint endpoint)
    {
        var valid = ValidJson(endpoint);
        foreach (var contentType in new[]
        {
            "text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "application/json; charset=nonsense", "json", "*/*",
        })
        {
            yield return Send(version, endpoint, $"a JSON body declared as {contentType.Replace('/', '∕')}", valid, contentType);
        }

        yield return Send(version, endpoint, "a JSON body without Content-Type", valid, contentType: null);
        yield return Send(version, endpoint, "no body at all", body: (byte[]?)null);
    }

    private static IEnumerable<HostileRequest> HugeBodyCases(string version, ApiEndpoint endpoint)
    {
        var member = ApiSurface.MembersOf(endpoint.Body).First(member => member.Kind == MemberKind.Text).Name;
        yield return Send(version, endpoint, $"a 5 MB {member}", With(endpoint, member, new string('x', HugeBodyBytes)));
        if (endpoint == ApiSurface.CreateProduct)
        {
            yield return Send(version, endpoint, "5 MB of whitespace before the body", new string(' ', HugeBodyBytes) + ValidJson(endpoint));
            yield return Send(version, endpoint, "a 5 MB array of numbers", "[" + string.Join(',', Enumerable.Repeat("1", HugeBodyBytes / 2)) + "]");
            yield return Send(version, endpoint, "5 MB of random bytes", RandomBytes(HugeBodyBytes));
        }
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(5).NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<HostileRequest> IdCases(string version, ApiEndpoint endpoint)
    {
        var body = endpoint.Body == BodyKind.None ? null : ValidJson(endpoint);
        foreach (var (what, id) in new[]
        {
            ("a word for an id", "not-a-guid"), ("an encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
            ("a double-encoded path traversal", "%252e%252e%252fetc%252fpasswd"), ("the number 1", "1"), ("the number -1", "-1"),
            ("an encoded control character", "%01"), ("SQL injection", "%27%20OR%20%271%27%3D%271"), ("a script tag", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            ("an id of 4000 characters", new string('a', 4000)), ("a GUID with trailing text", UnknownId + "x"),
            ("a GUID with an encoded right-to-left mark", UnknownId + "%E2%80%8F"), ("the empty GUID", Guid.Empty.ToString()),
            ("an unknown GUID", UnknownId), ("an unknown GUID in N format", UnknownId.Replace("-", string.Empty, StringComparison.Ordinal)),
        })
        {
            yield return Send(version, endpoint, what, body, id: id);
        }

        var gone = endpoint.ValidId == Placeholders.Product ? ("an archived product", Placeholders.ArchivedProduct) : ("a deleted category", Placeholders.DeletedCategory);
        yield return Send(version, endpoint, gone.Item1, body, id: gone.Item2);
    }

    private static IEnumerable<HostileRequest> RouteCases(string version, ApiEndpoint endpoint)
    {
        var body = endpoint.Body == BodyKind.None ? null : ValidJson(endpoint);
        var path = endpoint.Path(version);
        foreach (var (what, badVersion) in new[] { ("version 0", "v0"), ("version 99", "v99"), ("version X", "vX"), ("version -1", "v-1"), ("a pre-release version", "v1-beta") })
        {
            yield return new($"{endpoint.Name} in {what}", endpoint.Method, path.Replace($"/{version}/", $"/{badVersion}/", StringComparison.Ordinal), body is null ? null : HostileRequest.Utf8(body), body is null ? null : HostileRequest.Json);
        }

        yield return new($"{version} {endpoint.Name} with an extra path segment", endpoint.Method, path + "/extra", body is null ? null : HostileRequest.Utf8(body), body is null ? null : HostileRequest.Json);
    }

    private static IEnumerable<HostileRequest> QueryCases(string version)
    {
        HostileRequest List(ApiEndpoint endpoint, string what, string query) =>
            new($"{version} {endpoint.Name} with {what}", "GET", $"{endpoint.Path(version)}?{query}");

        foreach (var endpoint in new[] { ApiSurface.ListProducts, ApiSurface.ListCategories })
        {
            foreach (var (what, query) in new[]
            {
                ("page 0", "page=0"), ("page -1", "page=-1"), ("page beyond the maximum", $"page={(int.MaxValue / 100) + 1}"),
                ("page int.MaxValue plus one", "page=2147483648"), ("page as a word", "page=abc"), ("page 1e3", "page=1e3"),
                ("page 1.5", "page=1.5"), ("page NaN", "page=NaN"), ("page Infinity", "page=Infinity"), ("page as an encoded NUL", "page=%00"),
                ("page as SQL injection", "page=1%20OR%201%3D1"), ("pageSize 0", "pageSize=0"), ("pageSize 101", "pageSize=101"),
                ("pageSize -5", "pageSize=-5"), ("pageSize 99999999999", "pageSize=99999999999"), ("pageSize NaN", "pageSize=NaN"),
                ("pageSize int.MaxValue", "pageSize=2147483647"),
            })
            {
                yield return List(endpoint, what, query);
            }
        }

        foreach (var (what, query) in new[]
        {
            ("categoryId as a word", "categoryId=not-a-guid"), ("categoryId as SQL injection", "categoryId=%27%20OR%201%3D1%20--"),
            ("categoryId as an encoded NUL", "categoryId=%00"), ("q of 101 characters", "q=" + new string('q', 101)),
            ("q of 10000 characters", "q=" + new string('q', 10_000)), ("q as an encoded NUL", "q=%00"),
            ("q with an encoded NUL inside", "q=ab%00cd"), ("q with an escape sequence", "q=%1B%5B2J"), ("sort by an unknown field", "sort=password"),
            ("sort with SQL injection", "sort=name%3B%20DROP%20TABLE%20Products"), ("sort as a lone minus", "sort=-"),
            ("sort as commas only", "sort=,,,"), ("sort by five fields", "sort=name,sku,price,stockQuantity,createdAt"),
            ("sort by a field twice", "sort=name,-name"), ("sort with a double minus", "sort=--name"), ("sort with an encoded NUL", "sort=name%00"),
            ("sort by a subquery", "sort=%28SELECT%201%29"), ("sort in SQL syntax", "sort=name%20desc"), ("sort by 1000 fields", "sort=" + string.Join(',', Enumerable.Repeat("name", 1000))),
        })
        {
            yield return List(ApiSurface.ListProducts, what, query);
        }
    }

    private static IEnumerable<HostileRequest> MethodCases(string version)
    {
        var products = ApiSurface.ListProducts.Path(version);
        var categories = ApiSurface.ListCategories.Path(version);
        var product = ApiSurface.GetProduct.Path(version);
        var category = ApiSurface.GetCategory.Path(version);
        foreach (var (method, path) in new[]
        {
            ("PATCH", product), ("PUT", products), ("DELETE", products), ("POST", product), ("PATCH", categories),
            ("PUT", category), ("POST", category), ("DELETE", categories), ("TRACE", products), ("GET", product + "/stock-adjustments"),
        })
        {
            yield return new($"{version} {method} on {path.Replace(Placeholders.Product, "a product", StringComparison.Ordinal).Replace(Placeholders.Category, "a category", StringComparison.Ordinal)}", method, path);
        }
    }

    /// <summary>Already-rejected requests that also ask for a representation the API does not make: still a problem+json.</summary>
    private static IEnumerable<HostileRequest> AcceptCases(string version)
    {
        HostileRequest[] rejected =
        [
            Send(version, ApiSurface.CreateProduct, "text that is not JSON", "{ this is not JSON }"),
            Send(version, ApiSurface.CreateCategory, "name missing", "{}"),
            new($"{version} list products with page 0", "GET", ApiSurface.ListProducts.Path(version) + "?page=0"),
            new($"{version} get product with an unknown GUID", "GET", ApiSurface.GetProduct.Path(version, UnknownId)),
            new($"{version} get an unknown route", "GET", $"/api/{version}/unknown"),
        ];
        foreach (var request in rejected)
        {
            foreach (var accept in new[] { "text/html", "application/xml", "image/png", "*/*;q=0", "@@@ not a media type" })
            {
                yield return request.WithHeader("Accept", accept, $"accepting {accept.Replace('/', '∕')}");
            }
        }
    }

    /// <summary>Writes that would succeed, made conditional on an entity tag the resource cannot have.</summary>
    private static IEnumerable<HostileRequest> IfMatchCases(string version)
    {
        HostileRequest[] writes =
        [
            Send(version, ApiSurface.ReplaceProduct, "a valid body", ValidJson(ApiSurface.ReplaceProduct)),
            Send(version, ApiSurface.AdjustStock, "a valid body", ValidJson(ApiSurface.AdjustStock)),
            new($"{version} archive product", "DELETE", ApiSurface.ArchiveProduct.Path(version)),
        ];
        foreach (var request in writes)
        {
            foreach (var (what, ifMatch) in new[] { ("a made-up entity tag", "\"made-up\""), ("a weak entity tag", "W/\"1\""), ("an unquoted value", "garbage") })
            {
                yield return request.WithHeader("If-Match", ifMatch, $"If-Match {what}");
            }
        }
    }
}
