using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// Issue 5, hostile input: every request in <see cref="HostileCases.Rejected"/> gets a 4xx problem+json, never a 5xx,
/// and leaves Products and Categories exactly as they were; the values in <see cref="NastyButValidInputs"/> are
/// accepted and come back exactly as sent.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class HostileInputTests(DatabaseUnderTest database) : HostileFixture(database)
{
    private int _rejectedSent;

    [OneTimeTearDown]
    public void ReportCount() =>
        TestContext.Progress.WriteLine($"{GetType().Name}({DatabaseUnderTest}): {_rejectedSent} hostile requests sent.");

    [Order(1)]
    [TestCaseSource(typeof(HostileCases), nameof(HostileCases.RejectedCases))]
    public async Task A_hostile_request_is_rejected_with_a_problem_and_changes_nothing(HostileRequest request)
    {
        await AssertRejectedAsync(request);
        Interlocked.Increment(ref _rejectedSent);
    }

    [Order(2)]
    [TestCaseSource(typeof(NastyButValidInputs), nameof(NastyButValidInputs.Values))]
    public async Task A_valid_but_nasty_value_is_stored_and_returned_exactly(NastyButValid input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = input.Target == NastyTarget.CategoryName ? UniqueCategoryName(input.Value) : input.Value;
        var (path, body, member) = input.Target switch
        {
            NastyTarget.CategoryName => ("/api/v1/categories", new JsonObject { ["name"] = value }, "name"),
            _ => ("/api/v1/products", ProductBody(input.Target, value), input.Target == NastyTarget.ProductName ? "name" : "description"),
        };
        var before = await DatabaseSnapshot.TakeAsync(Factory);

        using var response = await SendAsync(new HostileRequest(input.Label, "POST", path, HostileRequest.Utf8(body.ToJsonString())));

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var created = JsonDocument.Parse(text).RootElement;
        using var fetched = await Client.GetAsync(response.Headers.Location);
        var read = await fetched.ReadJsonAsync();
        var after = await DatabaseSnapshot.TakeAsync(Factory);
        var id = created.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty(member).GetString(), Is.EqualTo(value), "the 201 body");
            Assert.That(read.GetProperty(member).GetString(), Is.EqualTo(value), "a later GET");
            if (input.Target == NastyTarget.CategoryName)
            {
                Assert.That(after.Categories.Single(row => row.Id == id).Name, Is.EqualTo(value), "the stored row");
                Assert.That(after.Categories.Where(row => row.Id != id), Is.EqualTo(before.Categories), "other categories");
                Assert.That(after.Products, Is.EqualTo(before.Products), "products");
            }
            else
            {
                var row = after.Products.Single(row => row.Id == id);
                Assert.That(input.Target == NastyTarget.ProductName ? row.Name : row.Description, Is.EqualTo(value), "the stored row");
                Assert.That(after.Products.Where(row => row.Id != id), Is.EqualTo(before.Products), "other products");
                Assert.That(after.Categories, Is.EqualTo(before.Categories), "categories");
            }
        });
    }

    [Order(2)]
    [TestCaseSource(typeof(NastyButValidInputs), nameof(NastyButValidInputs.Queries))]
    public async Task A_valid_but_nasty_query_is_answered_and_changes_nothing(NastyButValidQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var request = new HostileRequest(query.Label, "GET", $"/api/v1/products?pageSize=100&{query.Query}");
        if (query.Accept is not null)
        {
            request = request.WithHeader("Accept", query.Accept, "accept");
        }

        using var response = await SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        });
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        if (query.Search is { } search)
        {
            Assert.That(
                items.Select(item => $"{item.GetProperty("name").GetString()} {item.GetProperty("sku").GetString()}"),
                Has.All.Contain(search).IgnoreCase,
                "only products whose name or SKU contains the text literally");
        }

        before.AssertUnchanged(await DatabaseSnapshot.TakeAsync(Factory), request.Describe());
    }

    [Order(3)]
    [Test]
    public void At_least_300_hostile_requests_were_sent_and_rejected()
    {
        TestContext.Progress.WriteLine(
            $"Hostile input ({DatabaseUnderTest}): {_rejectedSent} hostile requests sent (each its own test above) of the " +
            $"{HostileCases.Rejected.Count} in the table, across {ApiSurface.Versions.Count} version(s).");
        Assert.That(HostileCases.Rejected, Has.Count.GreaterThanOrEqualTo(300), "hostile requests in the table");
        if (TestContext.CurrentContext.Result.PassCount == 0 && _rejectedSent == 0)
        {
            Assert.Ignore("The hostile cases were filtered out of this run.");
        }

        Assert.That(_rejectedSent, Is.GreaterThanOrEqualTo(300), "hostile requests sent by this fixture");
    }

    private static string UniqueCategoryName(string value)
    {
        var suffix = Guid.NewGuid().ToString("N");
        return value.Length + suffix.Length + 1 <= 100 ? $"{value} {suffix}" : value[..(100 - suffix.Length)] + suffix;
    }

    private static JsonObject ProductBody(NastyTarget target, string value)
    {
        var body = ApiSurface.ValidBody(BodyKind.Product);
        body[target == NastyTarget.ProductName ? "name" : "description"] = value;
        return body;
    }
}
