using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.Application.SampleModule;
using Enterprise.Domain.SampleModule;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.SampleModule;

/// <summary>
/// SampleItems through HTTP on every database: create (201, Location, ETag), read (ETag, 304, 404), list in keyset
/// pages, replace and delete with If-Match (428 without it, 412 when stale), and bad input as a 400 problem that
/// writes nothing.
/// </summary>
[CoversEndpoint("GET", CollectionRoute, Version = 2)]
[CoversEndpoint("POST", CollectionRoute, Version = 2)]
[CoversEndpoint("GET", ItemRoute, Version = 2)]
[CoversEndpoint("PUT", ItemRoute, Version = 2)]
[CoversEndpoint("DELETE", ItemRoute, Version = 2)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class SampleItemsV2Tests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string CollectionRoute = "api/v{version:apiVersion}/sample-items";
    private const string ItemRoute = "api/v{version:apiVersion}/sample-items/{id:guid}";
    private const string CollectionPath = "/api/v2/sample-items";

    private HttpClient _writer = null!;

    [OneTimeSetUp]
    public void CreateWriter()
    {
        _writer = Factory.CreateClient();
        _writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Create("samplemodule-writer", scopes: [SampleModulePermissions.WriteScope]));
    }

    [OneTimeTearDown]
    public void DisposeWriter() => _writer?.Dispose();

    [Test]
    public async Task Creating_is_201_with_location_etag_and_the_stored_row()
    {
        var name = UniqueName();

        using var response = await _writer.PostAsJsonAsync(CollectionPath, new { name = $"  {name} " });

        var body = await ReadAsync(response, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        var row = await RowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(ItemPath(id)));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo(name));
            Assert.That(row?.Name, Is.EqualTo(name));
            Assert.That(row?.Version, Is.EqualTo(1));
        });
    }

    [TestCase("")]
    [TestCase("\u0007")]
    public async Task A_bad_name_is_a_400_problem_and_stores_nothing(string name)
    {
        var before = await CountAsync();

        using var response = await _writer.PostAsJsonAsync(CollectionPath, new { name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("errors").EnumerateObject().Select(member => member.Name), Does.Contain(SampleItemErrors.NameField));
            Assert.That(await CountAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Creating_without_the_write_scope_is_403_and_stores_nothing()
    {
        var before = await CountAsync();

        using var response = await Client.PostAsJsonAsync(CollectionPath, new { name = UniqueName() });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Reading_is_200_with_the_etag_and_304_when_it_is_current()
    {
        var (id, name) = await CreateAsync();

        using var response = await Client.GetAsync(ItemPath(id));
        var body = await ReadAsync(response, HttpStatusCode.OK);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, ItemPath(id));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        using var notModified = await Client.SendAsync(conditional);

        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo(name));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"1\""));
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        });
    }

    [Test]
    public async Task An_unknown_id_is_a_404_problem()
    {
        using var response = await Client.GetAsync(ItemPath(Guid.CreateVersion7()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("SampleItem.NotFound"));
    }

    [Test]
    public async Task The_list_pages_oldest_first_through_the_next_links()
    {
        List<Guid> created = [];
        for (var index = 0; index < 3; index++)
        {
            created.Add((await CreateAsync()).Id);
        }

        var seen = new List<Guid>();
        var next = $"{CollectionPath}?limit=2";
        while (next is not null)
        {
            using var response = await Client.GetAsync(next);
            var page = await ReadAsync(response, HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
            next = NextLinkOf(response);
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Unique);
            Assert.That(seen.Where(created.Contains), Is.EqualTo(created), "each once, oldest first");
        });
    }

    [Test]
    public async Task Replacing_with_the_current_etag_is_200_with_the_new_etag_and_the_stored_row()
    {
        var (id, _) = await CreateAsync();

        using var response = await SendAsync(HttpMethod.Put, id, "\"1\"", new { name = "Replaced" });

        var body = await ReadAsync(response, HttpStatusCode.OK);
        var row = await RowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Replaced"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"2\""));
            Assert.That(row?.Name, Is.EqualTo("Replaced"));
            Assert.That(row?.Version, Is.EqualTo(2));
        });
    }

    [TestCase("PUT", null, HttpStatusCode.PreconditionRequired)]
    [TestCase("PUT", "\"7\"", HttpStatusCode.PreconditionFailed)]
    [TestCase("DELETE", null, HttpStatusCode.PreconditionRequired)]
    [TestCase("DELETE", "\"7\"", HttpStatusCode.PreconditionFailed)]
    public async Task A_write_without_the_current_etag_is_refused_and_changes_nothing(string method, string? ifMatch, HttpStatusCode status)
    {
        var (id, name) = await CreateAsync();

        using var response = await SendAsync(new HttpMethod(method), id, ifMatch, new { name = "Replaced" });

        await response.AssertProblemAsync(status);
        var row = await RowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(row?.Name, Is.EqualTo(name));
            Assert.That(row?.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_with_the_current_etag_is_204_and_removes_the_row()
    {
        var (id, _) = await CreateAsync();

        using var response = await SendAsync(HttpMethod.Delete, id, "\"1\"");
        using var read = await Client.GetAsync(ItemPath(id));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await RowAsync(id), Is.Null);
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Deleting_an_unknown_id_is_a_404_problem()
    {
        using var response = await SendAsync(HttpMethod.Delete, Guid.CreateVersion7(), "*");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static string ItemPath(Guid id) => $"{CollectionPath}/{id}";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
        });
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string? NextLinkOf(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.Single();
        Assert.That(link, Does.EndWith("; rel=\"next\""));
        return new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]).PathAndQuery;
    }

    private async Task<(Guid Id, string Name)> CreateAsync()
    {
        var name = UniqueName();
        using var response = await _writer.PostAsJsonAsync(CollectionPath, new { name });
        return ((await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid(), name);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Guid id, string? ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, ItemPath(id));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _writer.SendAsync(request);
    }

    private Task<SampleItem?> RowAsync(Guid id) =>
        Factory.QueryDatabaseAsync(db => db.Set<SampleItem>().AsNoTracking().SingleOrDefaultAsync(row => row.Id == id));

    private Task<int> CountAsync() => Factory.QueryDatabaseAsync(db => db.Set<SampleItem>().CountAsync());
}
