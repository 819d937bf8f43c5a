using System.Net;
using System.Text;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>Deeply nested JSON is refused as unreadable (400) before it costs stack or CPU.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class JsonDepthTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [TestCase(33)]
    [TestCase(100_000)]
    public async Task A_document_nested_deeper_than_32_levels_is_a_400_problem(int depth)
    {
        using var response = await PostCategoryNameAsync(Nested(depth));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.Invalid"));
            Assert.That(problem.GetProperty("errors").GetProperty("name")[0].GetString(), Is.EqualTo("The body is not valid JSON."));
        });
    }

    [Test]
    public async Task A_shallow_document_of_the_wrong_shape_is_reported_as_a_type_error_not_a_depth_error()
    {
        using var response = await PostCategoryNameAsync(Nested(30));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("name")[0].GetString(), Is.EqualTo("The value has the wrong JSON type or is out of range."));
    }

    private static string Nested(int depth) => new StringBuilder().Insert(0, "[", depth).Insert(depth, "]", depth).ToString();

    private Task<HttpResponseMessage> PostCategoryNameAsync(string nameValue) =>
        Client.PostAsync("/api/v1/categories", new StringContent($$"""{"name":{{nameValue}}}""", Encoding.UTF8, "application/json"));
}
