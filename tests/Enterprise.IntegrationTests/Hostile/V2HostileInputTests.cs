using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// Version 2's hostile input: every request in <see cref="V2HostileCases.Rejected"/> gets exactly its status and
/// problem code, never a 5xx, and leaves Products and Categories exactly as they were.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class V2HostileInputTests(DatabaseUnderTest database) : HostileFixture(database)
{
    [OneTimeSetUp]
    public async Task MakeTheTagsAndCursorsUnderAttack()
    {
        // One change, so the product has a stale tag ("1") besides its current one ("2").
        var product = PlaceholderValue(Placeholders.Product);
        using (var adjusted = await SendAsync(new HostileRequest(
            "setup", "POST", $"/api/v2/products/{product}/stock-adjustments", HostileRequest.Utf8("{\"quantity\":1,\"reason\":\"Setup\"}"), Headers: [new("If-Match", V2HostileCases.StaleTag)])))
        {
            Assert.That(adjusted.Headers.ETag?.ToString(), Is.EqualTo(V2HostileCases.CurrentTag), await adjusted.Content.ReadAsStringAsync());
        }

        // A second product and category, so both lists have a next page.
        var category = (await CreateCategoryAsync()).GetProperty("id").GetGuid();
        await CreateProductAsync(category);
        var productCursor = await NextCursorAsync(V2HostileCases.CursorList);
        AddPlaceholder(Placeholders.ProductCursor, productCursor);
        AddPlaceholder(Placeholders.CategoryCursor, await NextCursorAsync("/api/v2/categories?limit=1"));
        foreach (var damage in V2HostileCases.CursorDamages)
        {
            var damaged = damage.Damage(productCursor);
            Assert.That(damaged, Is.Not.EqualTo(productCursor), damage.What);
            AddPlaceholder(damage.Placeholder, damaged);
        }
    }

    [TestCaseSource(typeof(V2HostileCases), nameof(V2HostileCases.RejectedCases))]
    public async Task A_hostile_v2_request_gets_its_problem_and_changes_nothing(RejectedRequest rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);

        var (status, problem) = await AssertRejectedAsync(rejected.Request);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(rejected.Status), $"status; the problem: {problem}");
            Assert.That(problem.TryGetProperty("code", out var code) ? code.GetString() : null, Is.EqualTo(rejected.Code), $"code; the problem: {problem}");
        });
    }
}
