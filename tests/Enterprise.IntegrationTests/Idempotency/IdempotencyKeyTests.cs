using System.Net;
using System.Text;
using System.Text.Json;
using Enterprise.Application.Common.Idempotency;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.Idempotency;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the POST endpoints, as a caller sees it: replays, refusals, scoping per caller, expiry, and
/// what the database holds afterwards.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class IdempotencyKeyTests(DatabaseUnderTest database) : IdempotencyFixture(database)
{
    public static IEnumerable<TestCaseData> MalformedKeys()
    {
        yield return Case("blank", ["  "]);
        yield return Case("256 characters", [new string('k', 256)]);
        yield return Case("a control character", ["key\u0001one"]);
        yield return Case("DEL", ["key\u007Fone"]);
        yield return Case("non-ASCII", ["clé-1"]);
        yield return Case("an unterminated quoted string", ["\"key-1"]);
        yield return Case("a bare quote inside a quoted string", ["\"key\"1\""]);
        yield return Case("an empty quoted string", ["\"\""]);
        yield return Case("two header values", ["key-1", "key-2"]);

        static TestCaseData Case(string name, string[] values) => new TestCaseData((object)values).SetArgDisplayNames(name);
    }

    [Test]
    public async Task The_same_request_with_the_same_key_gets_the_first_response_again_and_creates_one_product()
    {
        var body = ProductBody(await NewCategoryIdAsync());
        var key = NewKey();

        using var first = await PostWithKeyAsync(ProductsPath, body, key);
        using var second = await PostWithKeyAsync(ProductsPath, body, key);

        var firstBody = await first.Content.ReadAsStringAsync();
        var secondBody = await second.Content.ReadAsStringAsync();
        var created = await first.AssertJsonAsync(HttpStatusCode.Created);
        await second.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.Contains(ReplayedHeader), Is.False, "the first response is no replay");
            Assert.That(second.Headers.GetValues(ReplayedHeader).Single(), Is.EqualTo("true"));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location).And.Not.Null);
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag).And.Not.Null);
            Assert.That(second.Content.Headers.ContentType, Is.EqualTo(first.Content.Headers.ContentType));
            Assert.That(secondBody, Is.EqualTo(firstBody), "the body, byte for byte");
            Assert.That(second.Headers.CacheControl?.NoStore, Is.True, "per-request headers are added as usual");
            Assert.That(
                second.Headers.GetValues("X-Correlation-Id").Single(),
                Is.Not.EqualTo(first.Headers.GetValues("X-Correlation-Id").Single()),
                "the replay is its own request, with its own correlation id");
        });

        var products = await ProductRowsWithSkuAsync(created.GetProperty("sku").GetString()!);
        var keyRow = (await KeyRowsAsync(key)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(products, Has.Count.EqualTo(1), "the command ran once");
            Assert.That(keyRow.ScopeHash, Is.EqualTo(ScopeHashOf(AdministratorSubject)));
            Assert.That(keyRow.ResponseStatusCode, Is.EqualTo(201));
            Assert.That(Encoding.UTF8.GetString(keyRow.ResponseBody!), Is.EqualTo(firstBody));
            Assert.That(keyRow.ResponseHeaders, Does.Contain(first.Headers.Location!.AbsolutePath).And.Contain("ETag"));
            Assert.That(keyRow.ExpiresAt, Is.EqualTo(DateTime.UtcNow.AddHours(24)).Within(TimeSpan.FromMinutes(5)), "kept for the default day");
        });
    }

    [Test]
    public async Task A_replayed_stock_adjustment_changes_the_stock_once()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 5));
        var key = NewKey();

        using var first = await PostWithKeyAsync(StockAdjustmentsPath(id), StockAdjustmentBody(3), key);
        using var second = await PostWithKeyAsync(StockAdjustmentsPath(id), StockAdjustmentBody(3), key);

        var adjusted = await first.AssertJsonAsync(HttpStatusCode.OK);
        var replayed = await second.AssertJsonAsync(HttpStatusCode.OK);
        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(JsonElement.DeepEquals(replayed, adjusted), Is.True);
            Assert.That(second.Headers.GetValues(ReplayedHeader).Single(), Is.EqualTo("true"));
            Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(second.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(row!.StockQuantity, Is.EqualTo(8));
            Assert.That(row.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_quoted_key_and_the_same_bare_key_are_one_key()
    {
        var name = UniqueName("Idempotent category");
        var key = NewKey();

        using var quoted = await PostWithKeyAsync(CategoriesPath, CategoryBody(name), $"\"{key}\"");
        using var bare = await PostWithKeyAsync(CategoriesPath, CategoryBody(name), key);

        var created = await quoted.AssertJsonAsync(HttpStatusCode.Created);
        var replayed = await bare.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Multiple(async () =>
        {
            Assert.That(JsonElement.DeepEquals(replayed, created), Is.True);
            Assert.That(bare.Headers.GetValues(ReplayedHeader).Single(), Is.EqualTo("true"));
            Assert.That(await CategoryRowsWithSlugAsync(created.GetProperty("slug").GetString()!), Has.Count.EqualTo(1));
            Assert.That((await KeyRowsAsync(key)).Single().ResponseStatusCode, Is.EqualTo(201));
        });
    }

    [Test]
    public async Task Keys_are_compared_exactly_so_keys_differing_in_case_are_two_keys()
    {
        var categoryId = await NewCategoryIdAsync();
        var key = $"Case-{Guid.NewGuid()}";

        using var upper = await PostWithKeyAsync(ProductsPath, ProductBody(categoryId), key.ToUpperInvariant());
        using var lower = await PostWithKeyAsync(ProductsPath, ProductBody(categoryId), key.ToLowerInvariant());

        await upper.AssertJsonAsync(HttpStatusCode.Created);
        await lower.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(lower.Headers.Contains(ReplayedHeader), Is.False);
    }

    [Test]
    public async Task The_same_key_with_another_body_is_422_and_runs_nothing()
    {
        var categoryId = await NewCategoryIdAsync();
        var firstBody = ProductBody(categoryId);
        var otherBody = ProductBody(categoryId);
        var key = NewKey();
        using var first = await PostWithKeyAsync(ProductsPath, firstBody, key);
        await first.AssertJsonAsync(HttpStatusCode.Created);

        using var reused = await PostWithKeyAsync(ProductsPath, otherBody, key);

        var problem = await reused.AssertApiProblemAsync(HttpStatusCode.UnprocessableContent, "Idempotency.KeyReused");
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.21"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("different request"));
            Assert.That(reused.Headers.Contains(ReplayedHeader), Is.False);
            Assert.That(await ProductRowsWithSkuAsync(otherBody["sku"]!.GetValue<string>()), Is.Empty);
            Assert.That((await KeyRowsAsync(key)).Single().ResponseStatusCode, Is.EqualTo(201), "the first response is kept");
        });
    }

    [Test]
    public async Task The_same_key_on_another_endpoint_is_422_and_runs_nothing()
    {
        var key = NewKey();
        using var first = await PostWithKeyAsync(ProductsPath, ProductBody(await NewCategoryIdAsync()), key);
        await first.AssertJsonAsync(HttpStatusCode.Created);
        var name = UniqueName("Never created");

        using var reused = await PostWithKeyAsync(CategoriesPath, CategoryBody(name), key);

        await reused.AssertApiProblemAsync(HttpStatusCode.UnprocessableContent, "Idempotency.KeyReused");
        using var categories = await Client.GetAsync($"{CategoriesPath}?pageSize=100");
        Assert.That((await categories.ReadJsonAsync()).GetRawText(), Does.Not.Contain(name));
    }

    [Test]
    public async Task While_the_first_request_runs_the_same_request_is_409_with_Retry_After_and_runs_once_the_key_is_released()
    {
        var body = ProductBody(await NewCategoryIdAsync());
        var key = NewKey();
        // The first request, as the middleware claims it: same caller, key and request.
        var fingerprint = RequestFingerprint.Of("POST", ProductsPath, Encoding.UTF8.GetBytes(body.ToJsonString()));
        var claim = await WithStoreAsync(store => store.ClaimAsync(new IdempotencyRequest(AdministratorSubject, key, fingerprint), CancellationToken.None));
        var lease = ((KeyClaimed)claim).Lease;

        using var meanwhile = await PostWithKeyAsync(ProductsPath, body, key);

        var problem = await meanwhile.AssertApiProblemAsync(HttpStatusCode.Conflict, "Idempotency.RequestInProgress");
        Assert.Multiple(async () =>
        {
            Assert.That(meanwhile.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("still being processed"));
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
            Assert.That((await KeyRowsAsync(key)).Single().ResponseStatusCode, Is.Null, "still in progress");
        });

        // The first request failed (5xx): its key is released, and the retry runs.
        await WithStoreAsync(async store =>
        {
            await store.ReleaseAsync(lease, CancellationToken.None);
            return true;
        });
        using var retry = await PostWithKeyAsync(ProductsPath, body, key);

        await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(retry.Headers.Contains(ReplayedHeader), Is.False);
        Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_key_held_by_a_request_whose_process_died_is_free_once_its_lease_has_run_out()
    {
        var body = ProductBody(await NewCategoryIdAsync());
        var key = NewKey();
        var fingerprint = RequestFingerprint.Of("POST", ProductsPath, Encoding.UTF8.GetBytes(body.ToJsonString()));
        await WithStoreAsync(store => store.ClaimAsync(new IdempotencyRequest(AdministratorSubject, key, fingerprint), CancellationToken.None));
        await ExpireAsync(key);

        using var retry = await PostWithKeyAsync(ProductsPath, body, key);

        await retry.AssertJsonAsync(HttpStatusCode.Created);
        var row = (await KeyRowsAsync(key)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(row.ResponseStatusCode, Is.EqualTo(201));
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task An_expired_key_can_be_used_again_for_another_request()
    {
        var categoryId = await NewCategoryIdAsync();
        var key = NewKey();
        using var first = await PostWithKeyAsync(ProductsPath, ProductBody(categoryId), key);
        await first.AssertJsonAsync(HttpStatusCode.Created);
        var firstFingerprint = (await KeyRowsAsync(key)).Single().RequestFingerprint;
        await ExpireAsync(key);
        var otherBody = ProductBody(categoryId);

        using var again = await PostWithKeyAsync(ProductsPath, otherBody, key);

        var created = await again.AssertJsonAsync(HttpStatusCode.Created);
        var row = (await KeyRowsAsync(key)).Single();
        Assert.Multiple(async () =>
        {
            Assert.That(again.Headers.Contains(ReplayedHeader), Is.False);
            Assert.That(created.GetProperty("sku").GetString(), Is.EqualTo(otherBody["sku"]!.GetValue<string>()));
            Assert.That(await ProductRowsWithSkuAsync(otherBody["sku"]!.GetValue<string>()), Has.Count.EqualTo(1));
            Assert.That(row.RequestFingerprint, Is.Not.EqualTo(firstFingerprint));
            Assert.That(row.ExpiresAt, Is.GreaterThan(DateTime.UtcNow.AddHours(23)));
        });
    }

    [TestCaseSource(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_400_and_runs_nothing(string[] keys)
    {
        var body = ProductBody(await NewCategoryIdAsync());

        using var response = await SendWithKeyAsync(HttpMethod.Post, ProductsPath, body, keys);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Idempotency.KeyInvalid");
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("1 to 255 printable ASCII characters"));
            Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
        });
    }

    [Test]
    public async Task A_key_of_255_printable_characters_with_spaces_and_quotes_is_accepted()
    {
        var key = ("a !\"#~" + Guid.NewGuid().ToString("N")).PadRight(IdempotencyKeyHeader.MaxLength, 'x');

        using var response = await PostWithKeyAsync(ProductsPath, ProductBody(await NewCategoryIdAsync()), key);

        await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That((await KeyRowsAsync(key)).Single().ResponseStatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task Two_callers_using_the_same_key_each_get_their_own_request_run()
    {
        var categoryId = await NewCategoryIdAsync();
        var key = NewKey();
        var (bodyOfA, bodyOfB) = (ProductBody(categoryId), ProductBody(categoryId));

        using var ofA = await PostWithKeyAsync(ProductsPath, bodyOfA, key, WriterToken("idempotency-caller-a"));
        using var ofB = await PostWithKeyAsync(ProductsPath, bodyOfB, key, WriterToken("idempotency-caller-b"));

        var createdForA = await ofA.AssertJsonAsync(HttpStatusCode.Created);
        var createdForB = await ofB.AssertJsonAsync(HttpStatusCode.Created);
        var rows = await KeyRowsAsync(key);
        Assert.Multiple(() =>
        {
            Assert.That(ofB.Headers.Contains(ReplayedHeader), Is.False, "B never sees A's response");
            Assert.That(IdOf(createdForB), Is.Not.EqualTo(IdOf(createdForA)));
            Assert.That(rows.Select(row => row.ScopeHash), Is.EquivalentTo(new[] { ScopeHashOf("idempotency-caller-a"), ScopeHashOf("idempotency-caller-b") }));
        });
    }

    [Test]
    public async Task A_post_without_a_key_runs_every_time_and_stores_no_key()
    {
        const string subject = "idempotency-no-key";
        var body = ProductBody(await NewCategoryIdAsync());

        using var first = await SendWithKeyAsync(HttpMethod.Post, ProductsPath, body, [], WriterToken(subject));
        using var second = await SendWithKeyAsync(HttpMethod.Post, ProductsPath, body, [], WriterToken(subject));

        await first.AssertJsonAsync(HttpStatusCode.Created);
        await second.AssertApiProblemAsync(HttpStatusCode.Conflict, "Product.Sku.Duplicate");
        Assert.Multiple(async () =>
        {
            Assert.That(second.Headers.Contains(ReplayedHeader), Is.False);
            Assert.That(await KeyRowsOfCallerAsync(subject), Is.Empty);
        });
    }

    [Test]
    public async Task A_token_without_a_subject_cannot_use_a_key()
    {
        var body = ProductBody(await NewCategoryIdAsync());

        using var response = await PostWithKeyAsync(ProductsPath, body, NewKey(), WriterToken(string.Empty));

        await response.AssertApiProblemAsync(HttpStatusCode.BadRequest, "Idempotency.CallerUnknown");
        Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Is.Empty);
    }

    [Test]
    public async Task Other_methods_ignore_the_header()
    {
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId));
        string[] malformed = ["  "];

        using var read = await SendWithKeyAsync(HttpMethod.Get, ProductPath(id), null, malformed);
        using var replaced = await SendWithKeyAsync(HttpMethod.Put, ProductPath(id), ProductBody(categoryId), malformed);

        await read.AssertJsonAsync(HttpStatusCode.OK);
        await replaced.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Twenty_parallel_posts_with_one_key_create_one_product_and_each_gets_its_response_or_409()
    {
        var body = ProductBody(await NewCategoryIdAsync());
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostWithKeyAsync(ProductsPath, body, key)));

        try
        {
            var outcomes = await Task.WhenAll(responses.Select(async response =>
                (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync())));
            var created = outcomes.Where(outcome => outcome.Status == HttpStatusCode.Created).ToList();
            var conflicts = outcomes.Where(outcome => outcome.Status == HttpStatusCode.Conflict).ToList();
            var summary = string.Join(", ", outcomes.Select(outcome => (int)outcome.Status));
            TestContext.Progress.WriteLine($"Twenty parallel POSTs with one key ({DatabaseUnderTest}): {summary}");
            Assert.Multiple(async () =>
            {
                Assert.That(created.Count + conflicts.Count, Is.EqualTo(20), summary);
                Assert.That(created, Is.Not.Empty, summary);
                Assert.That(created.Select(outcome => outcome.Body).Distinct().Count(), Is.EqualTo(1), "every 201 is the same response");
                Assert.That(
                    conflicts.Select(outcome => JsonDocument.Parse(outcome.Body).RootElement.GetProperty("code").GetString()),
                    Is.All.EqualTo("Idempotency.RequestInProgress"));
                Assert.That(await ProductRowsWithSkuAsync(body["sku"]!.GetValue<string>()), Has.Count.EqualTo(1));
            });

            using var afterwards = await PostWithKeyAsync(ProductsPath, body, key);
            await afterwards.AssertJsonAsync(HttpStatusCode.Created);
            Assert.That(await afterwards.Content.ReadAsStringAsync(), Is.EqualTo(created[0].Body));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Test]
    public async Task The_OpenAPI_document_offers_the_header_and_its_responses_on_every_POST_and_nowhere_else()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");
        var document = await response.ReadJsonAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name, Path: path.Name, Operation: operation.Value)))
            .ToList();
        Assert.That(operations.Count(operation => operation.Method == "post"), Is.EqualTo(3));
        Assert.Multiple(() =>
        {
            foreach (var (method, path, operation) in operations)
            {
                var hasHeader = operation.TryGetProperty("parameters", out var parameters) &&
                    parameters.EnumerateArray().Any(parameter => parameter.GetProperty("name").GetString() == KeyHeader && parameter.GetProperty("in").GetString() == "header");
                Assert.That(hasHeader, Is.EqualTo(method == "post"), $"{method} {path}");
                if (method == "post")
                {
                    var responses = operation.GetProperty("responses");
                    Assert.That(responses.TryGetProperty("409", out _) && responses.TryGetProperty("422", out _), Is.True, $"409 and 422 documented on {path}");
                }
            }
        });
    }
}
