using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace Enterprise.WebApi.Logging;

public static class StructuredLogging
{
    /// <summary>Events queued for stdout before a request waits for the writer: seconds of logging at full load.</summary>
    private const int EventQueueCapacity = 10_000;

    private const string DevelopmentTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log event: readable console output in Development, compact JSON on stdout
    /// elsewhere; levels from the <c>Serilog</c> configuration section; extra sinks from DI (tests use one).
    /// </summary>
    /// <remarks>
    /// Outside Development the JSON is formatted and written to stdout by <see cref="BackgroundStreamSink"/>: a request
    /// only queues its events, which alone raised the benchmark's uncached reads by about a fifth (docs/performance.md).
    /// The queue waits rather than drops when full, so no event (audit events included) is lost; disposing the logger
    /// with the host writes what is still queued.
    /// </remarks>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();

        // preserveStaticLogger: each host owns its logger instead of sharing the static Log.Logger,
        // so several hosts in one process (integration tests) never write into each other's sinks.
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, configuration, services, isDevelopment),
            preserveStaticLogger: true);
        builder.Services.Decorate<ILoggerFactory, CategoryLoggerCache>();
        return builder;
    }

    private static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, bool isDevelopment)
    {
        logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        if (isDevelopment)
        {
            logger.WriteTo.Console(outputTemplate: DevelopmentTemplate, formatProvider: CultureInfo.InvariantCulture);
        }
        else
        {
            logger.WriteTo.Sink(new BackgroundStreamSink(new RenderedCompactJsonFormatter(), Console.OpenStandardOutput(), EventQueueCapacity));
        }
    }
}
