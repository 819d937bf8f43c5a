using System.Diagnostics;
using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Ordering.Contracts;

namespace Enterprise.IntegrationTests.Telemetry;

/// <summary>
/// The trace of one placed order: the HTTP request, the relay's publish of <see cref="OrderPlaced"/>, Catalog's consume,
/// the relay's publish of its <see cref="StockReserved"/> reply, and Ordering's consume of that reply.
/// </summary>
public static class OrderTrace
{
    public const string MessagingSource = "Enterprise.Messaging";
    public const string RabbitMqPublisherSource = "RabbitMQ.Client.Publisher";
    private const string ModuleTag = "enterprise.module";
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A sampled W3C <c>traceparent</c> of a caller's span, and its trace id.</summary>
    public static (string TraceParent, ActivityTraceId TraceId) NewCallerContext()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01", traceId);
    }

    /// <summary>
    /// Waits until Ordering's consume of the reply has been exported, then asserts that its parent chain leads back,
    /// through every step in order, to the server span of the request that the caller's span started; answers the trace.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> AssertOneTraceFromRequestToReplyAsync(ExportedSpanCollection spans, ActivityTraceId traceId)
    {
        var reply = $"consume {StockReserved.EventName}";
        var deadline = DateTime.UtcNow + ExportTimeout;
        IReadOnlyList<Activity> trace;
        while (!(trace = spans.OfTrace(traceId)).Any(span => span.DisplayName == reply))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"'{reply}' is exported within {ExportTimeout}");
            await Task.Delay(50);
        }

        var chain = ChainToRoot(trace, trace.Single(span => span.DisplayName == reply));
        await TestContext.Out.WriteLineAsync($"{trace.Count} spans; from the reply's consume to the request: {string.Join(" <- ", chain.Select(span => $"{span.DisplayName} ({span.Source.Name})"))}");
        var server = chain[^1];
        var messagingSteps = chain.Where(span => span.Source.Name == MessagingSource).Reverse().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(server.Kind, Is.EqualTo(ActivityKind.Server), "the chain ends at the request's server span");
            Assert.That(server.DisplayName, Does.StartWith("POST "));
            Assert.That(server.HasRemoteParent, Is.True, "the request continued the caller's trace");
            Assert.That(messagingSteps.Select(span => span.DisplayName), Is.EqualTo(new[]
            {
                $"publish {OrderPlaced.EventName}",
                $"consume {OrderPlaced.EventName}",
                $"publish {StockReserved.EventName}",
                reply,
            }));
            Assert.That(messagingSteps.Select(span => span.GetTagItem(ModuleTag)), Is.EqualTo(new object?[] { null, "catalog", null, "ordering" }));
            Assert.That(messagingSteps.Select(span => span.Kind), Is.EqualTo(new[] { ActivityKind.Producer, ActivityKind.Consumer, ActivityKind.Producer, ActivityKind.Consumer }));
        });
        return trace;
    }

    /// <summary>The name of the span's parent in the trace; null when the parent is not in it.</summary>
    public static string? ParentNameOf(IReadOnlyList<Activity> trace, Activity span) =>
        trace.FirstOrDefault(candidate => candidate.SpanId == span.ParentSpanId)?.DisplayName;

    /// <summary>The span, its parent, its parent's parent, … up to the first whose parent is not in the trace.</summary>
    private static List<Activity> ChainToRoot(IReadOnlyList<Activity> trace, Activity span)
    {
        var bySpanId = trace.ToDictionary(candidate => candidate.SpanId);
        var chain = new List<Activity> { span };
        while (bySpanId.TryGetValue(chain[^1].ParentSpanId, out var parent))
        {
            chain.Add(parent);
        }

        return chain;
    }
}
