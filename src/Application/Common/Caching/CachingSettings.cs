namespace Enterprise.Application.Common.Caching;

/// <summary>The <c>Caching</c> configuration section: whether cacheable queries are cached, and for how long.</summary>
public sealed class CachingSettings
{
    public const string SectionName = "Caching";

    /// <summary>Off: every query reads the database (commands then invalidate nothing either).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a result is served from the cache before the database is read again. Writes through the API invalidate at
    /// once; this bounds how long a change made around the API (or while Redis was unreachable) stays unseen.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a request waits for Redis before it goes on without it (memory, then the database).</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After Redis fails, how long it is left alone before it is tried again (requests meanwhile skip it at once).</summary>
    public TimeSpan RedisRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
