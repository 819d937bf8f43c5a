using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// How long each mediator message takes through the whole pipeline (histogram <see cref="DurationName"/>, in seconds, on
/// the meter <see cref="MeterName"/>), tagged with the message type (<see cref="MessageTag"/>) and its outcome
/// (<see cref="OutcomeTag"/>). Recorded by <see cref="LoggingBehavior{TMessage,TResponse}"/>, which times every message already.
/// </summary>
public sealed class MediatorMetrics
{
    public const string MeterName = "Enterprise.Mediator";
    public const string DurationName = "enterprise.mediator.duration";
    public const string MessageTag = "message";
    public const string OutcomeTag = "outcome";
    public const string Handled = "handled";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>Seconds, as ASP.NET Core's request duration uses: a handler's time is a part of a request's.</summary>
    private static readonly double[] BucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10];

    private readonly Histogram<double> _duration;

    public MediatorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram(
            DurationName,
            unit: "s",
            description: "Time a mediator message took through the pipeline, by message type and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBoundaries });
    }

    /// <summary>
    /// On every message's path: <paramref name="messageTag"/> is built once per message type, the tags travel in a
    /// <see cref="TagList"/> on the stack, and nothing happens at all while no listener collects the histogram.
    /// </summary>
    public void Record(in KeyValuePair<string, object?> messageTag, string outcome, TimeSpan elapsed)
    {
        if (!_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { messageTag, { OutcomeTag, outcome } };
        _duration.Record(elapsed.TotalSeconds, in tags);
    }

    /// <summary>The <see cref="MessageTag"/> of a message type, for the type to keep in a static field.</summary>
    public static KeyValuePair<string, object?> MessageTagOf(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return new(MessageTag, messageType.Name);
    }
}
