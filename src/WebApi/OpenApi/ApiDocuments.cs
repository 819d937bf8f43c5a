using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Enterprise.WebApi.OpenApi;

public static class ApiDocuments
{
    /// <summary>The security scheme of the JWT bearer token, as the documents name it.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>One OpenAPI document per published API version, oldest first, served at <c>/openapi/{version}.json</c>.</summary>
    public static readonly string[] Versions = ["v1", "v2"];

    /// <summary>The document of the newest version: the one a reader should start from.</summary>
    public static string Newest => Versions[^1];

    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        foreach (var version in Versions)
        {
            services.AddOpenApi(version, options => options
                .AddDocumentTransformer((document, context, _) =>
                {
                    Describe(document, context, version);
                    return Task.CompletedTask;
                })
                .AddOperationTransformer<OperationIdTransformer>()
                .AddOperationTransformer<SecurityRequirementTransformer>()
                .AddOperationTransformer<IdempotencyKeyOperationTransformer>()
                .AddSchemaTransformer<ProblemExtensionsSchemaTransformer>());
            // A configuration of its own, registered after the one above, so it runs once the description is written.
            services.Configure<OpenApiOptions>(version, options => options
                .AddDocumentTransformer<DeprecationTransformer>()
                .AddOperationTransformer<DeprecationTransformer>()
                .AddOperationTransformer<ConditionalWriteTransformer>()
                .AddDocumentTransformer<UnusedSchemaTransformer>());
        }

        return services;
    }

    /// <summary>
    /// Serves the documents, and the reference page over them: it opens on the newest version (listed first, the older
    /// ones after it) with the bearer scheme already chosen, so a reader can paste a token and try a write.
    /// </summary>
    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.MapScalarApiReference(options =>
        {
            options.WithTitle("Enterprise API").AddPreferredSecuritySchemes(BearerScheme);
            foreach (var version in Versions.Reverse())
            {
                options.AddDocument(version, isDefault: version == Newest);
            }
        });
        return app;
    }

    private static void Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, string version)
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
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT. Writes need the scope of their module (catalog:write, orders:write), and deleting a category or " +
                "shipping an order also the role admin. Catalog reads may be anonymous; orders are read with a token only.",
        };
    }
}
