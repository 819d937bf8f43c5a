using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Describes the members every problem response carries beyond RFC 9457's five (<see cref="Problems.ProblemFactory"/>
/// adds them): the stable <c>code</c> a client branches on, the <c>traceId</c> and the request's <c>correlationId</c>.
/// The framework's schema of <see cref="ProblemDetails"/> forbids any other member, so a generated client would drop them.
/// </summary>
internal sealed class ProblemExtensionsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Properties[Problems.ProblemFactory.CodeMember] = Text("The stable error code, such as `Product.NotFound`: what a client branches on (README, Errors).");
        schema.Properties["traceId"] = Text("The W3C trace id of the request, for finding its logs and traces.");
        schema.Properties["correlationId"] = Text("The request's `X-Correlation-Id`, given or generated.");
        // RFC 9457 lets a problem type define further members.
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
