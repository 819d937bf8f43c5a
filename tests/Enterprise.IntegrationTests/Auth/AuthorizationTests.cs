using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.IntegrationTests.Hostile;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.IntegrationTests.Platform;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Auth;

/// <summary>Who may do what, through real HTTP: the token decides, and a refused write leaves the database untouched.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class AuthorizationTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [Test]
    public async Task Anonymous_callers_may_read_the_catalog_by_default()
    {
        using var anonymous = Factory.CreateClient();

        using var products = await anonymous.GetAsync("/api/v1/products");
        using var categories = await anonymous.GetAsync("/api/v1/categories");

        Assert.Multiple(() =>
        {
            Assert.That(products.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(categories.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(products.Headers.CacheControl?.NoStore ?? false, Is.False, "anonymous responses may be cached");
        });
    }

    [Test]
    public async Task A_write_without_a_token_is_401_with_a_bearer_challenge_and_writes_nothing()
    {
        using var anonymous = Factory.CreateClient();
        var name = UniqueName("Anonymous");

        using var response = await anonymous.PostAsJsonAsync("/api/v1/categories", new { name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.WwwAuthenticate.Select(header => header.Scheme), Does.Contain("Bearer"));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Auth.Unauthenticated"));
            Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo("/api/v1/categories"));
            Assert.That(problem.GetProperty("correlationId").GetString(), Is.EqualTo(response.Headers.GetValues("X-Correlation-Id").Single()));
        });
        var stored = await Factory.QueryDatabaseAsync(db => db.Set<Domain.Catalog.Category>().CountAsync(category => category.Name == name));
        Assert.That(stored, Is.Zero);
    }

    [Test]
    public async Task A_write_with_a_token_without_the_write_scope_is_403_and_writes_nothing()
    {
        var category = await CreateCategoryAsync();
        using var reader = ClientWith(TestTokens.Create("reader", scopes: ["catalog:read"]));
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        using var response = await reader.PostAsJsonAsync("/api/v1/products", ProductBody(category.GetProperty("id").GetGuid()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Auth.Forbidden"));
        before.AssertUnchanged(await DatabaseSnapshot.TakeAsync(Factory), "POST /api/v1/products with a catalog:read token");
    }

    [Test]
    public async Task The_write_scope_may_come_as_repeated_scp_claims()
    {
        var category = await CreateCategoryAsync();
        using var writer = ClientWith(TestTokens.Create("writer", scopes: ["catalog:read", "catalog:write"], scopeClaimsPerValue: true));

        using var response = await writer.PostAsJsonAsync("/api/v1/products", ProductBody(category.GetProperty("id").GetGuid()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [TestCase("expired")]
    [TestCase("wrong signature")]
    [TestCase("wrong audience")]
    [TestCase("not a JWT")]
    public async Task A_write_with_an_invalid_token_is_401(string flaw)
    {
        var token = flaw switch
        {
            "expired" => TestTokens.Create("late", scopes: [TestTokens.WriteScope], expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong signature" => TestTokens.Create("forger", scopes: [TestTokens.WriteScope], signingKey: Convert.ToBase64String(new byte[48])),
            "wrong audience" => TestTokens.Create("elsewhere", scopes: [TestTokens.WriteScope], audience: "another-api"),
            _ => "not-a-token",
        };
        using var client = ClientWith(token);
        var name = UniqueName("Invalid token");

        using var response = await client.PostAsJsonAsync("/api/v1/categories", new { name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Auth.Unauthenticated"));
            Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
            Assert.That(response.Headers.WwwAuthenticate.Single().Parameter, Does.Contain("invalid_token"));
        });
        var stored = await Factory.QueryDatabaseAsync(db => db.Set<Domain.Catalog.Category>().CountAsync(category => category.Name == name));
        Assert.That(stored, Is.Zero);
    }

    [Test]
    public async Task Deleting_a_category_needs_the_admin_role()
    {
        var category = await CreateCategoryAsync();
        var path = $"/api/v1/categories/{category.GetProperty("id").GetGuid()}";
        using var writer = ClientWith(TestTokens.Create("writer", scopes: [TestTokens.WriteScope]));
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        using var refused = await writer.DeleteAsync(path);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        before.AssertUnchanged(await DatabaseSnapshot.TakeAsync(Factory), $"DELETE {path} without the admin role");
        using var stillThere = await writer.GetAsync(path);
        using var deleted = await Client.DeleteAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Auth.Forbidden"));
            Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Responses_to_authenticated_requests_are_not_stored_by_caches()
    {
        using var reader = ClientWith(TestTokens.Create("reader"));
        using var read = await Client.GetAsync("/api/v1/products");
        using var refused = await reader.PostAsJsonAsync("/api/v1/categories", new { name = UniqueName() });

        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refused.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task A_write_logs_one_audit_event_with_subject_command_id_and_outcome_and_no_token()
    {
        var category = await CreateCategoryAsync();
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products") { Content = JsonContent.Create(ProductBody(category.GetProperty("id").GetGuid())) };
        request.Headers.Add("X-Correlation-Id", correlationId);

        using var response = await Client.SendAsync(request);
        var productId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();

        var audits = Factory.Logs.ForCorrelationId(correlationId).Where(IsAudit).ToArray();
        Assert.That(audits, Has.Length.EqualTo(1));
        var audit = audits[0];
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(audit, "Subject"), Is.EqualTo("test-admin"));
            Assert.That(Scalar(audit, "CommandName"), Is.EqualTo("CreateProductCommand"));
            Assert.That(Scalar(audit, "ResourceId"), Is.EqualTo(productId));
            Assert.That(Scalar(audit, "Outcome"), Is.EqualTo("succeeded"));
            Assert.That(audit.RenderMessage(CultureInfo.InvariantCulture), Does.Not.Contain(TestTokens.Administrator.Split('.')[2]));
            Assert.That(audit.Properties.Values.Select(value => value.ToString()), Has.None.Contains(TestTokens.Administrator.Split('.')[2]));
        });
    }

    [Test]
    public async Task A_rejected_write_is_audited_with_its_error_code()
    {
        var missing = Guid.NewGuid();
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/products/{missing}");
        request.Headers.Add("X-Correlation-Id", correlationId);

        using var response = await Client.SendAsync(request);

        var audit = Factory.Logs.ForCorrelationId(correlationId).Single(IsAudit);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Scalar(audit, "CommandName"), Is.EqualTo("ArchiveProductCommand"));
            Assert.That(Scalar(audit, "ResourceId"), Is.EqualTo(missing));
            Assert.That(Scalar(audit, "Outcome"), Is.EqualTo("rejected"));
            Assert.That(Scalar(audit, "ErrorCode"), Is.EqualTo("Product.NotFound"));
        });
    }

    private static bool IsAudit(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: "Enterprise.Audit" };

    private static object? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) ? (value as ScalarValue)?.Value : null;

    private HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static object ProductBody(Guid categoryId) => new
    {
        sku = UniqueSku(),
        name = UniqueName("Product"),
        price = 10m,
        currency = "EUR",
        stockQuantity = 1,
        categoryId,
    };
}

/// <summary>With anonymous reads off, every catalog request needs a valid token.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class AnonymousReadsDisabledTests(DatabaseUnderTest database) : ApiFixture(database)
{
    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["Authorization:AllowAnonymousReads"] = "false",
    });

    [TestCase("/api/v1/products")]
    [TestCase("/api/v1/categories")]
    public async Task An_anonymous_read_is_401_and_an_authenticated_one_succeeds(string path)
    {
        using var anonymous = Factory.CreateClient();

        using var refused = await anonymous.GetAsync(path);
        using var allowed = await Client.GetAsync(path);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Auth.Unauthenticated"));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task The_document_says_a_catalog_read_needs_the_bearer_token()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v2.json");
        var listProducts = document.GetProperty("paths").GetProperty("/api/v2/products").GetProperty("get");

        Assert.That(ApiDocumentTests.SecurityRequirements(listProducts), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Health_probes_stay_anonymous()
    {
        using var anonymous = Factory.CreateClient();

        using var response = await anonymous.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
