using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace Enterprise.WebApi.Logging;

public static class RequestLogging
{
    /// <summary>One completion event per request, named by its route template so events group by endpoint, not by id.</summary>
    public static IApplicationBuilder UseRequestCompletionLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, httpContext) =>
            {
                // After an unhandled exception the handler has cleared the endpoint; its feature remembers it.
                var endpoint = httpContext.GetEndpoint() ?? httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
                diagnostics.Set("RouteTemplate", template is null ? "(no route)" : "/" + template.TrimStart('/'));
                diagnostics.Set("RequestPath", httpContext.Request.Path.Value);
            };
        });
}
