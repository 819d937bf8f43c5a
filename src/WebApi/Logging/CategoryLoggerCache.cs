using System.Collections.Concurrent;

namespace Enterprise.WebApi.Logging;

/// <summary>
/// Hands out one logger per category instead of a new one per call. Serilog's logger factory builds a new logger
/// (and its source-context enricher) on every <see cref="ILoggerFactory.CreateLogger"/>, and ASP.NET Core's
/// authentication handlers are created per request and ask for their logger in their constructor: without the cache,
/// every authenticated request built a logger. Categories are type names, so the cache stays small.
/// </summary>
public sealed class CategoryLoggerCache(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (category, factory) => factory.CreateLogger(category), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
