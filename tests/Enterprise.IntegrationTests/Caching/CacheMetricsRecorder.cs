using System.Diagnostics.Metrics;
using Enterprise.Application.Common.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Caching;

/// <summary>Adds up the cache hits and misses one application host reports for one query, from the moment it is created.</summary>
public sealed class CacheMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _queryName;
    private long _hits;
    private long _misses;

    public CacheMetricsRecorder(IServiceProvider services, string queryName)
    {
        _queryName = queryName;
        // The host's own meters only: other hosts in this test process report on meters of the same name.
        var hostMeters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, hostMeters) && instrument.Meter.Name == CacheMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(Record);
        _listener.Start();
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != CacheMetrics.QueryTag || !Equals(tag.Value, _queryName))
            {
                continue;
            }

            if (instrument.Name == CacheMetrics.HitsName)
            {
                Interlocked.Add(ref _hits, measurement);
            }
            else if (instrument.Name == CacheMetrics.MissesName)
            {
                Interlocked.Add(ref _misses, measurement);
            }
        }
    }
}
