using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace Enterprise.WebApi.Logging;

public static class StructuredLogging
{
    private const string DevelopmentTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log event: readable console output in Development, compact JSON on stdout
    /// elsewhere; levels from the <c>Serilog</c> configuration section; extra sinks from DI (tests use one).
    /// </summary>
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
            logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }
    }
}
