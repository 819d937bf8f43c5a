using System.Diagnostics.Metrics;

namespace Enterprise.Application.Common.Caching;

/// <summary>
/// Cache hits and misses per query (tag <c>query</c>), on the meter <see cref="MeterName"/>. A miss is a lookup that read
/// the database; concurrent lookups that waited for that one read count as hits.
/// </summary>
public sealed class CacheMetrics
{
    public const string MeterName = "Enterprise.Caching";
    public const string HitsName = "enterprise.cache.hits";
    public const string MissesName = "enterprise.cache.misses";
    public const string QueryTag = "query";

    public CacheMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        Hits = meter.CreateCounter<long>(HitsName, unit: "{lookup}", description: "Cacheable queries answered from the cache.");
        Misses = meter.CreateCounter<long>(MissesName, unit: "{lookup}", description: "Cacheable queries answered from the database.");
    }

    public Counter<long> Hits { get; }

    public Counter<long> Misses { get; }
}
