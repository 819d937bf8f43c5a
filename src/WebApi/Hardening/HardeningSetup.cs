using Enterprise.WebApi.Logging;
using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enterprise.WebApi.Hardening;

/// <summary>Limits on what a request may cost, and response headers that keep browsers and proxies safe.</summary>
public static partial class HardeningSetup
{
    public const string AllowedOriginsSetting = "Cors:AllowedOrigins";
    public const string RequestTimeoutSetting = "RequestTimeouts:Default";

    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Register before the problem responses: their last-resort handler would otherwise answer Kestrel's 4xx with 500.</summary>
    public static IServiceCollection AddHardening(this IServiceCollection services)
    {
        services.AddSingleton(_ => FileDescriptorLimit.Read());
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        services.AddExceptionHandler<BadHttpRequestExceptionHandler>();

        // No origin is listed by default, so browsers on other sites get no CORS headers and cannot read responses.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) => options.AddDefaultPolicy(policy => policy
            .WithOrigins(configuration.GetSection(AllowedOriginsSetting).Get<string[]>() ?? [])
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, HeaderNames.Location)));

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IConfiguration>((options, configuration) => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = configuration.GetValue(RequestTimeoutSetting, DefaultRequestTimeout),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = WriteTimeoutProblemAsync,
        });
        return services;
    }

    /// <summary>Outermost middleware: response headers, HSTS and HTTPS redirection (Production only), CORS.</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Development and test hosts run on plain HTTP on localhost; a browser that remembered HSTS for them would break.
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors();

        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        var fileDescriptors = app.Services.GetRequiredService<FileDescriptorLimit>();
        LogLimits(app.Logger, limits.MaxConcurrentConnections, fileDescriptors.SoftLimit, fileDescriptors.Open, limits.MaxRequestBodySize);
        return app;
    }

    private static async Task WriteTimeoutProblemAsync(HttpContext context) =>
        await ProblemFactory.WriteAsync(
            context,
            StatusCodes.Status504GatewayTimeout,
            "Request.Timeout",
            "The request took longer than this API allows and was abandoned; retry later or narrow the request.",
            "Request timed out");

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Accepting at most {MaxConcurrentConnections} concurrent connections (file-descriptor limit {FileDescriptorLimit}, {OpenFileDescriptors} open) and request bodies up to {MaxRequestBodySize} bytes")]
    private static partial void LogLimits(ILogger logger, long? maxConcurrentConnections, long? fileDescriptorLimit, long openFileDescriptors, long? maxRequestBodySize);
}
