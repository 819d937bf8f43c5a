using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// The data a hostile table attacks (<see cref="Placeholders"/>), the sending of its requests exactly as written, and
/// the check every rejected request must pass: a 4xx problem+json and Products and Categories exactly as before.
/// </summary>
public abstract class HostileFixture(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string ProblemJson = "application/problem+json";

    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task CreateTheDataUnderAttack()
    {
        var categoryName = UniqueName("Hostile category");
        var categoryId = (await CreateCategoryAsync(categoryName)).GetProperty("id").GetString()!;
        var productId = (await CreateProductAsync(Guid.Parse(categoryId), stockQuantity: 5)).GetProperty("id").GetString()!;
        var archivedId = (await CreateProductAsync(Guid.Parse(categoryId))).GetProperty("id").GetString()!;
        using (var archived = await Client.DeleteAsync($"/api/v1/products/{archivedId}"))
        {
            Assert.That(archived.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var deletedId = (await CreateCategoryAsync()).GetProperty("id").GetString()!;
        using (var deleted = await Client.DeleteAsync($"/api/v1/categories/{deletedId}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        AddPlaceholder(Placeholders.Product, productId);
        AddPlaceholder(Placeholders.Category, categoryId);
        AddPlaceholder(Placeholders.CategoryName, categoryName);
        AddPlaceholder(Placeholders.ArchivedProduct, archivedId);
        AddPlaceholder(Placeholders.DeletedCategory, deletedId);
    }

    /// <summary>Fills <paramref name="placeholder"/> with <paramref name="value"/> in every request sent from now on.</summary>
    protected void AddPlaceholder(string placeholder, string value) => _placeholders.Add(placeholder, value);

    protected string PlaceholderValue(string placeholder) => _placeholders[placeholder];

    /// <summary>
    /// Sends <paramref name="request"/> and asserts a 4xx problem+json (RFC 9457: status, title, traceId) that changed
    /// no row; returns the status and the problem for further checks.
    /// </summary>
    protected async Task<(int Status, JsonElement Problem)> AssertRejectedAsync(HostileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        using var response = await SendAsync(request);

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var sent = request.Describe(300);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.InRange(400, 499), $"{sent}\n→ {status} {Shorten(body)}");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemJson), $"{sent}\n→ {status} {Shorten(body)}");
        });
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status), "problem status");
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty, "problem title");
            Assert.That(problem.TryGetProperty("traceId", out _), Is.True, "problem traceId");
        });
        before.AssertUnchanged(await DatabaseSnapshot.TakeAsync(Factory), sent);
        return (status, problem);
    }

    /// <summary>The request exactly as written (body bytes, Content-Type, headers), with its placeholders filled in.</summary>
    protected async Task<HttpResponseMessage> SendAsync(HostileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Path));
        if (request.Body is not null)
        {
            var body = request.Body;
            if (request.Body.AsSpan().IndexOf((byte)'%') >= 0)
            {
                var text = Encoding.UTF8.GetString(body);
                var resolved = Resolve(text);
                body = resolved == text ? body : HostileRequest.Utf8(resolved);
            }

            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null && !message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType))
            {
                throw new InvalidOperationException($"Content-Type '{request.ContentType}' could not be set.");
            }
        }

        foreach (var (name, value) in request.Headers ?? [])
        {
            if (name == "Accept")
            {
                message.Headers.Accept.Clear();
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(message);
    }

    /// <summary>The cursor of the <c>rel="next"</c> link of a list's first page, exactly as the API issued it.</summary>
    protected async Task<string> NextCursorAsync(string list)
    {
        using var response = await Client.GetAsync(list);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), list);
        var next = response.Headers.GetValues("Link").SelectMany(value => value.Split(','))
            .Single(link => link.Contains("rel=\"next\"", StringComparison.Ordinal));
        var url = new Uri(new Uri("http://localhost"), next[(next.IndexOf('<', StringComparison.Ordinal) + 1)..next.IndexOf('>', StringComparison.Ordinal)]);
        return HttpUtility.ParseQueryString(url.Query)["cursor"] ?? throw new InvalidOperationException($"No cursor in the next link of {list}.");
    }

    protected static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";

    private string Resolve(string text)
    {
        foreach (var (placeholder, value) in _placeholders)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text
            .Replace(Placeholders.NewSku, UniqueSku("HS"), StringComparison.Ordinal)
            .Replace(Placeholders.NewName, UniqueName("Hostile"), StringComparison.Ordinal)
            .Replace(Placeholders.Version, "v1", StringComparison.Ordinal);
    }
}
