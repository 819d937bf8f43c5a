using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.OpenApi;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// Seeded random requests for every operation of every served OpenAPI document (<see cref="ApiDocuments.Versions"/>):
/// path ids, query values (v2's cursors among them, real, damaged or made up), <c>If-Match</c> and other header
/// parameters, and bodies derived from the schemas (v2's PATCH as <c>application/merge-patch+json</c>), then mutated
/// (wrong types, dropped, repeated and extra members, boundary numbers, random Unicode). Successes are fine; a 5xx, or
/// an error without a problem+json body, fails the run and prints the request.
/// The seed is printed when the run starts; <c>ENTERPRISE_FUZZ_SEED</c> replays it: the same requests in the same
/// order, which the printed case fingerprint confirms. <c>ENTERPRISE_FUZZ_ITERATIONS</c> sets the requests per version.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class OpenApiFuzzTests(DatabaseUnderTest database) : HostileFixture(database)
{
    public const string SeedVariable = "ENTERPRISE_FUZZ_SEED";
    public const string IterationsVariable = "ENTERPRISE_FUZZ_ITERATIONS";
    private const int DefaultIterations = 200;
    private const int MaxReported = 20;

    /// <summary>The resources a fuzzed id or entity tag may name; filled in when a request is sent.</summary>
    private static readonly string[] Ids = [Placeholders.Product, Placeholders.ArchivedProduct, Placeholders.Category, Placeholders.DeletedCategory];

    private static readonly string[] Nasty =
    [
        string.Empty, " ", "\u0000", "\u202E", "\u200B", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "NaN",
        "Infinity", "null", "\uD83E\uDDE8", "\uFEFF", "\\", "\"", "EUR", "BK-1042", "name,-price", "-createdAt",
    ];

    /// <summary>Real next-page cursors of the v2 lists, and damaged copies of them, as placeholders.</summary>
    private readonly List<string> _cursors = [];

    [OneTimeSetUp]
    public async Task CollectRealCursors()
    {
        // A second category and product, so both v2 lists have a next page at limit=1.
        await CreateProductAsync((await CreateCategoryAsync()).GetProperty("id").GetGuid());
        foreach (var list in new[] { "/api/v2/products?limit=1", "/api/v2/categories?limit=1", "/api/v2/products?limit=1&sort=-price" })
        {
            var cursor = await NextCursorAsync(list);
            foreach (var variant in new[] { cursor, cursor[..(cursor.Length / 2)], cursor[1..], cursor + "A", cursor.ToUpperInvariant() })
            {
                var placeholder = $"%FUZZ_CURSOR_{_cursors.Count}%";
                AddPlaceholder(placeholder, variant);
                _cursors.Add(placeholder);
            }
        }
    }

    [Test]
    public async Task Random_requests_from_the_OpenAPI_documents_never_get_a_5xx_or_a_non_problem_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        var iterations = int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedIterations)
            ? fixedIterations
            : DefaultIterations;
        // Printed first, so a run that hangs or crashes can still be replayed.
        Report($"OpenAPI fuzz ({DatabaseUnderTest}): seed {seed}; {SeedVariable}={seed} replays this run.");

        var random = new Random(seed);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var operationCount = 0;
        using var cases = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var version in ApiDocuments.Versions)
        {
            using var documentResponse = await Client.GetAsync($"/openapi/{version}.json");
            var document = await documentResponse.ReadJsonAsync();
            var operations = Operations(document);
            Assert.That(operations, Has.Count.GreaterThanOrEqualTo(10), $"operations in the {version} OpenAPI document");
            operationCount += operations.Count;
            var generator = new SchemaFuzzer(document, random, _cursors);
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                var (method, template, operation) = operations[iteration % operations.Count];
                var request = generator.Request(method, template, operation, $"{version} #{iteration.ToString(CultureInfo.InvariantCulture)}");
                cases.AppendData(Encoding.UTF8.GetBytes(request.Describe(int.MaxValue)));
                using var response = await SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (status >= 500 || (status >= 400 && !isProblem))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{request.Description}: {status} {response.Content.Headers.ContentType?.MediaType} {Shorten(body)}\n{request.Describe(1000)}");
                }
            }
        }

        var summary = $"OpenAPI fuzz ({DatabaseUnderTest}): seed {seed} ({SeedVariable}={seed} replays it), {iterations} requests per version over " +
            $"{operationCount} operations of {string.Join(", ", ApiDocuments.Versions)}; cases {Convert.ToHexString(cases.GetHashAndReset())[..16]}; " +
            $"statuses {string.Join(", ", statuses.Select(pair => $"{pair.Key}×{pair.Value}"))}; {failures.Count} failure(s).";
        Report(summary);
        Assert.That(failures, Is.Empty, $"{summary}\n\n{string.Join("\n\n", failures.Take(MaxReported))}");
    }

    /// <summary>To the live console (Progress) and to the test's recorded output (Out), which the TRX keeps for scripts/test.sh.</summary>
    private static void Report(string line)
    {
        TestContext.Progress.WriteLine(line);
        TestContext.Out.WriteLine(line);
    }

    private static List<(string Method, string Template, JsonElement Operation)> Operations(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => (operation.Name.ToUpperInvariant(), path.Name, operation.Value)))
            .OrderBy(operation => operation.Item2, StringComparer.Ordinal)
            .ThenBy(operation => operation.Item1, StringComparer.Ordinal)];

    /// <summary>Values for a schema: mostly plausible, often mutated; all choices come from one seeded random.</summary>
    private sealed class SchemaFuzzer(JsonElement document, Random random, IReadOnlyList<string> cursors)
    {
        private const string MergePatch = "application/merge-patch+json";

        public HostileRequest Request(string method, string template, JsonElement operation, string label)
        {
            var path = template;
            var query = new List<string>();
            var headers = new List<KeyValuePair<string, string>>();
            if (operation.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                    switch (parameter.GetProperty("in").GetString())
                    {
                        case "path":
                            // An encoded NUL never reaches the application: Kestrel refuses it, and the test server throws.
                            var value = Escape(PathValue(schema)).Replace("%00", "%01", StringComparison.Ordinal);
                            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
                            break;
                        case "query" when name == "cursor" && random.Next(3) > 0:
                            query.Add($"cursor={(random.Next(4) > 0 ? Pick([.. cursors]) : Uri.EscapeDataString(Scalar(schema, name)))}");
                            break;
                        case "query" when random.Next(3) > 0:
                            query.Add($"{Uri.EscapeDataString(name)}={Escape(Scalar(schema, name))}");
                            break;
                        case "header" when random.Next(10) > 0:
                            headers.Add(new(name, HeaderValue(name)));
                            break;
                        default:
                            break;
                    }
                }
            }

            if (random.Next(20) == 0)
            {
                query.Add($"{Uri.EscapeDataString(RandomText(8))}={Uri.EscapeDataString(RandomText(8))}");
            }

            if (query.Count > 0)
            {
                path += "?" + string.Join('&', query);
            }

            byte[]? body = null;
            string? contentType = null;
            if (operation.TryGetProperty("requestBody", out var requestBody) &&
                requestBody.GetProperty("content").EnumerateObject()
                    .FirstOrDefault(content => content.Name is "application/json" or MergePatch) is { Value.ValueKind: JsonValueKind.Object } content)
            {
                var json = new StringBuilder();
                // A merge patch names a few members only; a full body most of them.
                WriteValue(json, content.Value.GetProperty("schema"), depth: 0, memberName: null, dropOneIn: content.Name == MergePatch ? 2 : 12);
                var text = json.ToString();
                body = random.Next(25) switch
                {
                    0 => Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]),
                    1 => RandomBytes(),
                    _ => Encoding.UTF8.GetBytes(text),
                };
                contentType = random.Next(20) == 0
                    ? Pick("text/plain", "application/xml", "application/json; charset=latin1", HostileRequest.Json, MergePatch)
                    : content.Name == MergePatch ? MergePatch : HostileRequest.Json;
            }

            return new HostileRequest($"fuzz {label}", method, path, body, contentType, headers);
        }

        /// <summary>URL-encoded, except the id placeholders, which are filled in when the request is sent.</summary>
        private static string Escape(string value) => Ids.Contains(value) ? value : Uri.EscapeDataString(value);

        private string PathValue(JsonElement schema) => random.Next(10) switch
        {
            < 5 => Pick(Ids),
            < 8 => RandomGuid(),
            8 => Guid.Empty.ToString(),
            _ => Scalar(schema, "id"),
        };

        /// <summary>Header values as a client could send them: no line breaks, mostly ASCII.</summary>
        private string HeaderValue(string name) => name switch
        {
            "If-Match" => Pick("*", "\"1\"", "\"2\"", "\"3\"", "W/\"1\"", "\"1\", \"2\"", "*, \"1\"", "\"\"", "garbage", "\"99999999999999999999\"", "1"),
            _ => random.Next(3) > 0 ? RandomGuid() : Pick("k", "not a key", new string('k', 300), "\u00e9t\u00e9", "%00"),
        };

        private string RandomGuid()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        private JsonElement Resolve(JsonElement schema)
        {
            while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }

            return schema;
        }

        private string TypeOf(JsonElement schema)
        {
            schema = Resolve(schema);
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return "string";
            }

            if (schema.TryGetProperty("type", out var type))
            {
                return type.ValueKind == JsonValueKind.Array
                    ? type.EnumerateArray().Select(item => item.GetString()!).FirstOrDefault(item => item != "null") ?? "null"
                    : type.GetString()!;
            }

            if (schema.TryGetProperty("properties", out _))
            {
                return "object";
            }

            return schema.TryGetProperty("enum", out _) ? "string" : "string";
        }

        private string Format(JsonElement schema) =>
            Resolve(schema) is { ValueKind: JsonValueKind.Object } resolved && resolved.TryGetProperty("format", out var format) ? format.GetString() ?? string.Empty : string.Empty;

        /// <summary>A query or path value as text.</summary>
        private string Scalar(JsonElement schema, string name) => random.Next(4) == 0
            ? Pick(Nasty)
            : TypeOf(schema) switch
            {
                "integer" => Pick("1", "0", "-1", "2", "100", "101", "21474836", "2147483647", "2147483648", "-2147483648", "1e3", "1.5", "abc"),
                "number" => Pick("0", "1.5", "-1", "1e400", "NaN"),
                _ when Format(schema) == "uuid" => random.Next(2) == 0 ? Pick(Ids) : Pick(RandomGuid(), "not-a-guid"),
                _ => name switch
                {
                    "sort" => string.Join(',', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick("name", "-name", "sku", "-price", "stockQuantity", "createdAt", "-updatedAt", "bogus"))),
                    _ => RandomText(random.Next(0, 120)),
                },
            };

        private void WriteValue(StringBuilder json, JsonElement schema, int depth, string? memberName, int dropOneIn = 12)
        {
            // One time in eight a value of a random other kind, to exercise the strict binding.
            if (random.Next(8) == 0)
            {
                json.Append(Pick("null", "true", "42", "-1", "1e400", "79228162514264337593543950336", "\"NaN\"", "\"\"", "{}", "[]", "[[[[[[[[1]]]]]]]]", "\"\\u0000\"", "2147483648"));
                return;
            }

            schema = Resolve(schema);
            switch (TypeOf(schema))
            {
                case "object":
                    WriteObject(json, schema, depth, dropOneIn);
                    break;
                case "array":
                    json.Append('[');
                    for (var index = 0; index < random.Next(3); index++)
                    {
                        json.Append(index > 0 ? "," : string.Empty);
                        WriteValue(json, schema.TryGetProperty("items", out var items) ? items : default, depth + 1, null);
                    }

                    json.Append(']');
                    break;
                case "integer":
                    json.Append(Pick("0", "1", "-1", "5", "-5", "2147483647", "-2147483648", "2147483648", "9223372036854775808", "1.5", "1e2", "-0"));
                    break;
                case "number":
                    json.Append(Pick("0", "0.0001", "0.00001", "12.5", "-0.01", "99999999999999.9999", "100000000000000", "1e28", "1e29", "1e-30", "3.14159265358979323846264338327950288"));
                    break;
                case "boolean":
                    json.Append(random.Next(2) == 0 ? "true" : "false");
                    break;
                default:
                    json.Append(JsonSerializer.Serialize(Text(schema, memberName)));
                    break;
            }
        }

        private void WriteObject(StringBuilder json, JsonElement schema, int depth, int dropOneIn)
        {
            if (depth > 4)
            {
                json.Append("{}");
                return;
            }

            var members = new List<string>();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (random.Next(dropOneIn) == 0)
                    {
                        continue; // Dropped.
                    }

                    var value = new StringBuilder();
                    WriteValue(value, property.Value, depth + 1, property.Name, dropOneIn);
                    members.Add($"{JsonSerializer.Serialize(property.Name)}:{value}");
                    if (random.Next(30) == 0)
                    {
                        members.Add($"{JsonSerializer.Serialize(property.Name)}:{value}"); // Duplicated.
                    }
                }
            }

            if (random.Next(12) == 0)
            {
                members.Add($"{JsonSerializer.Serialize(RandomText(6))}:{JsonSerializer.Serialize(RandomText(6))}"); // Extra.
            }

            members = [.. members.OrderBy(_ => random.Next(4) == 0 ? random.Next() : 0)];
            json.Append('{').Append(string.Join(',', members)).Append('}');
        }

        private string Text(JsonElement schema, string? memberName)
        {
            if (Format(schema) == "uuid")
            {
                return random.Next(4) switch
                {
                    0 => RandomGuid(),
                    1 => Pick(Nasty),
                    _ => Pick(Ids),
                };
            }

            if (random.Next(3) == 0)
            {
                return random.Next(2) == 0 ? Pick(Nasty) : RandomText(random.Next(0, random.Next(10) == 0 ? 3000 : 60));
            }

            return memberName switch
            {
                "sku" => $"FZ-{random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)}-{Pick("A", "b", "c9", "ZZ")}",
                "currency" => Pick("EUR", "usd", " gbp ", "JPY", "XXX", "EU"),
                _ => RandomText(random.Next(1, 40)),
            };
        }

        /// <summary>Random Unicode: ASCII, control characters, bidi marks, combining marks, CJK and astral characters.</summary>
        private string RandomText(int length)
        {
            var text = new StringBuilder(length);
            while (text.Length < length)
            {
                switch (random.Next(10))
                {
                    case 0:
                        text.Append((char)random.Next(0, 0x20));
                        break;
                    case 1:
                        text.Append(Pick("\u202E", "\u200F", "\u200B", "\uFEFF", "\u0301", "\u0085"));
                        break;
                    case 2:
                        text.Append((char)random.Next(0x4E00, 0x9FFF));
                        break;
                    case 3:
                        text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)));
                        break;
                    case 4:
                        text.Append(Pick("'", "\"", "\\", "%", "_", ";", "--", "<", ">", "&", "/", ".."));
                        break;
                    default:
                        text.Append((char)random.Next(0x20, 0x7F));
                        break;
                }
            }

            return text.ToString();
        }

        private byte[] RandomBytes()
        {
            var bytes = new byte[random.Next(1, 512)];
            random.NextBytes(bytes);
            return bytes;
        }

        private string Pick(params string[] values) => values[random.Next(values.Length)];
    }
}
