using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
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
                .AddOperationTransformer((operation, context, _) =>
                {
                    RequireTokenWhereAnActionPolicyApplies(operation, context);
                    return Task.CompletedTask;
                })
                .AddOperationTransformer<IdempotencyKeyOperationTransformer>());
            // A configuration of its own, registered after the one above, so it runs once the description is written.
            services.Configure<OpenApiOptions>(version, options => options
                .AddDocumentTransformer<DeprecationTransformer>()
                .AddOperationTransformer<DeprecationTransformer>()
                .AddOperationTransformer<ConditionalWriteTransformer>());
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
            Description = "A JWT carrying the scope catalog:write for writes, and the role admin to delete a category. Reads may be anonymous.",
        };
    }

    /// <summary>Actions with a policy of their own (writes) need a token; the controllers' read policy may let anonymous callers in.</summary>
    private static void RequireTokenWhereAnActionPolicyApplies(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action &&
            action.MethodInfo.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Length > 0)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }
    }
}
