using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

public static class ApiDocuments
{
    /// <summary>One OpenAPI document per published API version, served at <c>/openapi/{version}.json</c>.</summary>
    public static readonly string[] Versions = ["v1"];

    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        foreach (var version in Versions)
        {
            services.AddOpenApi(version, options => options.AddDocumentTransformer((document, context, _) =>
            {
                var tags = context.ApplicationServices.GetRequiredService<IOptions<ApiTagDescriptions>>().Value;
                document.Tags = new HashSet<OpenApiTag>(
                    tags.Descriptions.OrderBy(tag => tag.Key, StringComparer.Ordinal)
                        .Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
                document.Info = new OpenApiInfo
                {
                    Title = "Enterprise API",
                    Version = version,
                    Description = "Internal business API. Errors are RFC 9457 problem details (application/problem+json) " +
                        "carrying a stable `code`, the `traceId` and the `correlationId` of the request.",
                };
                return Task.CompletedTask;
            }));
        }

        return services;
    }
}
