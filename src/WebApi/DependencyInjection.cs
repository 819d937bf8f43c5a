using System.Text.Json;
using System.Text.Json.Serialization;
using Asp.Versioning;
using Enterprise.Application.Common.Modules;
using Enterprise.WebApi.Hardening;
using Enterprise.WebApi.Health;
using Enterprise.WebApi.Idempotency;
using Enterprise.WebApi.Logging;
using Enterprise.WebApi.ModelBinding;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Problems;
using Enterprise.WebApi.Security;
using Enterprise.WebApi.Shutdown;
using Enterprise.WebApi.Telemetry;
using Enterprise.WebApi.Versioning;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi;

public static class DependencyInjection
{
    /// <summary>Controllers and their JSON contract, versioning, problem responses, OpenAPI and every WebApi module.</summary>
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services
            .AddControllers(options =>
            {
                // Required-ness is the request DTOs' (required members) and validators' business, not MVC's guess from nullability.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Conventions.Add(new ProblemResponsesConvention());
                // Requests carry JSON bodies, route values and query strings only: no form or jQuery-style values to
                // look for, so model binding does not build those providers for every action (docs/performance.md).
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
                options.ModelBinderProviders.Insert(0, new QueryRecordModelBinderProvider());
            })
            .AddJsonOptions(options => ConfigureJson(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidRequestResponse.Create);
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => options.AllowInputFormatterExceptionMessages = false);
        // The OpenAPI generator describes schemas from these options, not MVC's: keep them identical to the wire.
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));

        services
            .AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1);
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                // Reported by ApiVersionReportingMiddleware for every response, not only those that reach an action.
                options.ReportApiVersions = false;
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = ApiVersioningSetup.GroupNameFormat;
                options.SubstituteApiVersionInUrl = true;
            });
        UrlVersionMatcherPolicy.ReplaceVersioningPolicy(services);
        services.AddApiDeprecations();

        services.AddForwardedHeadersFromSettings();
        services.AddHardening();
        services.AddApiSecurity();
        services.AddApiRateLimiting();
        services.AddIdempotentPosts();
        services.AddProblemResponses();
        services.AddApiDocuments();
        services.AddGracefulShutdown();
        return services.AddModulesFrom(typeof(DependencyInjection).Assembly);
    }

    /// <summary>The HTTP pipeline, outermost first.</summary>
    public static WebApplication UseWebApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeadersFromSettings();
        app.UseHardening();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<ApiVersionReportingMiddleware>();
        // Before the exception handler, so handled failures are logged with their final status.
        app.UseRequestCompletionLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<DeclaredBodySizeMiddleware>();
        app.UseApiRateLimiting();
        app.UseApiSecurity();
        // Inside the exception handler, so a timed-out request gets its 504 rather than a 500.
        app.UseRequestTimeouts();
        // After rate limiting and authorization (the caller is known), inside the timeout (a timed-out command frees its key).
        app.UseIdempotentPosts();

        app.MapControllers();
        app.MapHealthEndpoints();
        app.MapTelemetryEndpoints();
        app.MapMigrationNotes();
        app.MapApiDocuments();
        return app;
    }

    /// <summary>The wire contract: camelCase, enums as strings, and strict about everything a client could get wrong.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Deeper documents are no catalog request, only a way to burn stack and CPU: 400.
        options.MaxDepth = 32;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        // Numbers are numbers: "12" or "NaN" in a numeric member is a client error, not a value.
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
