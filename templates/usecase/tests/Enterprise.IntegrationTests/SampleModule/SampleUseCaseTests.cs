using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.Application.SampleModule;
#if (kind == "command")
using Enterprise.Domain.SampleModule;
#endif
using Enterprise.IntegrationTests.Infrastructure;
#if (kind == "command")
using Microsoft.EntityFrameworkCore;
#endif

namespace Enterprise.IntegrationTests.SampleModule;

/// <summary>
/// SampleUseCase through HTTP on every database. The SampleItem it works on is created through the collection's POST
/// (version 2) with a name, as every module the enterprise-module template makes (and Catalog's categories) allows.
/// </summary>
[CoversEndpoint("SAMPLEMETHOD", Route, Version = SampleVersion)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class SampleUseCaseTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string Route = "api/v{version:apiVersion}/sample-items/{id:guid}/sample-route";
    private const string CreatePath = "/api/v2/sample-items";

    private HttpClient _writer = null!;

    [OneTimeSetUp]
    public void CreateWriter()
    {
        _writer = Factory.CreateClient();
        _writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Create("samplemodule-writer", scopes: [SampleModulePermissions.WriteScope], roles: [TestTokens.AdminRole]));
    }

    [OneTimeTearDown]
    public void DisposeWriter() => _writer?.Dispose();

#if (kind == "query")
    [Test]
    public async Task The_found_one_is_200_with_its_representation()
    {
        var (id, name) = await CreateAsync();

        using var response = await SendAsync(id);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo(name));
        });
    }
#else
    [Test]
    public async Task With_the_current_etag_it_is_200_and_the_stored_version_grows()
    {
        var (id, _) = await CreateAsync();

        using var response = await SendAsync(id, "\"1\"");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(await StoredVersionAsync(id), Is.GreaterThan(1));
        });
    }

    [TestCase(null, HttpStatusCode.PreconditionRequired)]
    [TestCase("\"7\"", HttpStatusCode.PreconditionFailed)]
    public async Task Without_the_current_etag_it_is_refused_and_changes_nothing(string? ifMatch, HttpStatusCode status)
    {
        var (id, _) = await CreateAsync();

        using var response = await SendAsync(id, ifMatch);

        await response.AssertProblemAsync(status);
        Assert.That(await StoredVersionAsync(id), Is.EqualTo(1));
    }
#endif

    [Test]
    public async Task An_unknown_id_is_a_404_problem()
    {
        using var response = await SendAsync(Guid.CreateVersion7(), "*");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("SampleItem.NotFound"));
    }

    [Test]
    public async Task The_empty_id_is_a_400_problem()
    {
        using var response = await SendAsync(Guid.Empty, "*");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(Guid Id, string Name)> CreateAsync()
    {
        var name = UniqueName();
        using var response = await _writer.PostAsJsonAsync(CreatePath, new { name });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid(), name);
    }

    private async Task<HttpResponseMessage> SendAsync(Guid id, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.SampleMethod, $"/api/vSampleVersion/sample-items/{id}/sample-route");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _writer.SendAsync(request);
    }
#if (kind == "command")

    private Task<long> StoredVersionAsync(Guid id) =>
        Factory.QueryDatabaseAsync(db => db.Set<SampleItem>().AsNoTracking().Where(row => row.Id == id).Select(row => row.Version).SingleAsync());
#endif
}
