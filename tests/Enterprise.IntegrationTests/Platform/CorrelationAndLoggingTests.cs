using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Enterprise.IntegrationTests.Platform;

[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CorrelationAndLoggingTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string Header = "X-Correlation-Id";

    [Test]
    public async Task A_valid_correlation_id_from_the_caller_is_echoed_and_attached_to_every_event_of_the_request()
    {
        var correlationId = $"it-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        request.Headers.Add(Header, correlationId);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues(Header), Is.EqualTo(new[] { correlationId }));
        var events = Factory.Logs.ForCorrelationId(correlationId);
        Assert.That(events.Select(e => e.MessageTemplate.Text), Has.Some.StartsWith("Handled {MessageName}"));
        Assert.That(events.Select(e => e.MessageTemplate.Text), Has.Some.StartsWith("HTTP {RequestMethod} {RouteTemplate}"));
    }

    [TestCase("")]
    [TestCase("has spaces in it")]
    [TestCase("line\u2028break")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_missing_or_unsafe_correlation_id_is_replaced_by_a_generated_one(string supplied)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (supplied.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(Header, supplied);
        }

        using var response = await Client.SendAsync(request);

        var echoed = response.Headers.GetValues(Header).Single();
        Assert.Multiple(() =>
        {
            Assert.That(echoed, Is.Not.EqualTo(supplied));
            Assert.That(echoed, Does.Match("^[0-9a-f]{32}$"));
        });
    }

    [Test]
    public async Task Each_request_logs_one_completion_event_with_method_route_template_status_and_elapsed_time()
    {
        var correlationId = $"it-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{Guid.NewGuid()}");
        request.Headers.Add(Header, correlationId);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var completions = Factory.Logs.ForCorrelationId(correlationId)
            .Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))
            .ToArray();
        Assert.That(completions, Has.Length.EqualTo(1));
        var completion = completions[0];
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(completion, "RequestMethod"), Is.EqualTo("GET"));
            Assert.That(Scalar(completion, "RouteTemplate"), Is.EqualTo("/api/v{version:apiVersion}/products/{id:guid}"));
            Assert.That(Scalar(completion, "StatusCode"), Is.EqualTo(404));
            Assert.That(Scalar(completion, "Elapsed"), Is.TypeOf<double>());
            Assert.That(completion.Level, Is.EqualTo(LogEventLevel.Information));
        });
    }

    [Test]
    public async Task The_mediator_logs_the_message_name_and_outcome_but_never_the_payload()
    {
        var correlationId = $"it-{Guid.NewGuid():N}";
        var secretLookingName = $"Payload {Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/categories")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = secretLookingName }),
        };
        request.Headers.Add(Header, correlationId);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var events = Factory.Logs.ForCorrelationId(correlationId);
        var handled = events.Single(e => e.MessageTemplate.Text.StartsWith("Handled {MessageName}", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(handled, "MessageName"), Is.EqualTo("CreateCategoryCommand"));
            Assert.That(events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)), Has.None.Contains(secretLookingName));
        });
    }

    [Test]
    public async Task Every_event_of_a_request_carries_the_callers_trace_id_and_a_span_id_in_the_json_output_without_a_tracer()
    {
        var correlationId = $"it-{Guid.NewGuid():N}";
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        request.Headers.Add(Header, correlationId);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var lines = Factory.Logs.ForCorrelationId(correlationId).Select(AsProductionJson).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Factory.Services.GetService<TracerProvider>(), Is.Null, "no tracer provider: the trace ids come from ASP.NET Core's own activity");
            Assert.That(lines, Has.Length.GreaterThanOrEqualTo(2), "the mediator's event and the completion event at least");
            Assert.That(lines.Select(line => line.GetProperty("@tr").GetString()), Has.All.EqualTo(traceId));
            Assert.That(lines.Select(line => line.GetProperty("@sp").GetString()), Has.All.Match("^[0-9a-f]{16}$"));
        });
    }

    /// <summary>The event as the production formatter writes it to stdout.</summary>
    private static JsonElement AsProductionJson(LogEvent logEvent)
    {
        using var json = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        new RenderedCompactJsonFormatter().Format(logEvent, json);
        using var document = JsonDocument.Parse(json.ToString());
        return document.RootElement.Clone();
    }

    private static object? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
