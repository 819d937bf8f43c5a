using Enterprise.WebApi.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enterprise.UnitTests.WebApi;

public sealed class CategoryLoggerCacheTests
{
    [Test]
    public void A_category_gets_its_logger_from_the_inner_factory_once_and_the_same_logger_afterwards()
    {
        var inner = new CountingLoggerFactory();
        using var cache = new CategoryLoggerCache(inner);

        var first = cache.CreateLogger("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler");
        var second = cache.CreateLogger("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler");
        var other = cache.CreateLogger("Enterprise.Audit");

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(other, Is.Not.SameAs(first));
            Assert.That(inner.Created, Is.EqualTo(new[] { "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", "Enterprise.Audit" }));
        });
    }

    [Test]
    public void Disposing_the_cache_disposes_the_inner_factory_so_queued_events_are_written()
    {
        var inner = new CountingLoggerFactory();

        new CategoryLoggerCache(inner).Dispose();

        Assert.That(inner.Disposed, Is.True);
    }

    private sealed class CountingLoggerFactory : ILoggerFactory
    {
        public List<string> Created { get; } = [];

        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created.Add(categoryName);
            return new DistinctLogger(NullLogger.Instance);
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose() => Disposed = true;
    }

    /// <summary>A logger object of its own per creation, so that sameness shows caching (NullLogger is a singleton).</summary>
    private sealed class DistinctLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
