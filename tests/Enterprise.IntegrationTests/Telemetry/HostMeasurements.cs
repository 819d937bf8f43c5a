using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Telemetry;

/// <summary>
/// The measurements one application host makes on the named instruments, from the moment this is created: other hosts
/// in the test process report on instruments of the same names, so only the host's own meters (by their factory) count.
/// </summary>
public sealed class HostMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public HostMeasurements(IServiceProvider services, params string[] instrumentNames)
    {
        var hostMeters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, hostMeters) && instrumentNames.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument so far; observable instruments are observed first.</summary>
    public IReadOnlyList<Measured> Of(string instrumentName)
    {
        _listener.RecordObservableInstruments();
        return [.. _measured.Where(measured => measured.Instrument == instrumentName)];
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            tagged[tag.Key] = tag.Value;
        }

        _measured.Enqueue(new Measured(instrument.Name, value, tagged));
    }

    public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public object? Tag(string key) => Tags.GetValueOrDefault(key);
    }
}
