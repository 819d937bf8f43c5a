using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>What Ordering's responses promise: status, media type, the correlation id and the one API version that serves them.</summary>
public static class OrderingAssertions
{
    /// <summary>Orders exist in API version 2 only.</summary>
    public const string SupportedVersions = "2.0";

    private static readonly Dictionary<HttpStatusCode, string> ProblemTypes = new()
    {
        [HttpStatusCode.BadRequest] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [HttpStatusCode.Unauthorized] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [HttpStatusCode.Forbidden] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [HttpStatusCode.NotFound] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [HttpStatusCode.Conflict] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [HttpStatusCode.PreconditionFailed] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        [HttpStatusCode.UnprocessableContent] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        [HttpStatusCode.PreconditionRequired] = "https://www.rfc-editor.org/rfc/rfc6585#section-3",
    };

    /// <summary>A successful JSON response: status, media type, correlation id and supported versions.</summary>
    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
            AssertCommonHeaders(response);
        });
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An RFC 9457 problem with the status's type, the request's path and correlation id, and the stable code.</summary>
    public static async Task<JsonElement> AssertApiProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = await response.AssertProblemAsync(status);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes[status]));
            Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo(response.RequestMessage!.RequestUri!.AbsolutePath));
            Assert.That(
                problem.GetProperty("correlationId").GetString(),
                Is.EqualTo(response.Headers.GetValues("X-Correlation-Id").Single()),
                "the problem names the request's correlation id");
        });
        return problem;
    }

    /// <summary>The fields a validation or unprocessable problem names under <c>errors</c>.</summary>
    public static string[] ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(member => member.Name)];

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.That(response.Headers.Contains("X-Correlation-Id"), Is.True, "X-Correlation-Id");
        Assert.That(string.Join(", ", response.Headers.GetValues("api-supported-versions")), Is.EqualTo(SupportedVersions), "api-supported-versions");
    }
}
