using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Patching;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Documents what conditional writes honour and the generator cannot see: the <c>If-Match</c> header, required
/// (<see cref="RequiresIfMatchAttribute"/>) or optional (<see cref="HonoursIfMatchAttribute"/>), and a merge patch body
/// (<see cref="AcceptsMergePatchAttribute"/>) in <c>application/merge-patch+json</c> over the resource's write document.
/// </summary>
internal sealed class ConditionalWriteTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return;
        }

        var requiresIfMatch = action.MethodInfo.IsDefined(typeof(RequiresIfMatchAttribute), inherit: true);
        if (requiresIfMatch || action.MethodInfo.IsDefined(typeof(HonoursIfMatchAttribute), inherit: true))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = requiresIfMatch,
                Description = "The ETag of the version this write is based on (from a GET or the previous write), or *. " +
                    (requiresIfMatch ? "Missing: 428. " : "Missing: the write is unconditional. ") +
                    "Not the current version: 412, and nothing is written.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (action.MethodInfo.GetCustomAttributes(typeof(AcceptsMergePatchAttribute), inherit: true) is [AcceptsMergePatchAttribute mergePatch])
        {
            var document = await context.GetOrCreateSchemaAsync(mergePatch.DocumentType, cancellationToken: cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A JSON Merge Patch (RFC 7396) of the {mergePatch.DocumentType.Name} document: members replace, null removes, objects merge.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [JsonMergePatch.MediaType] = new() { Schema = WithoutRequiredMembers(document) },
                },
            };
        }
    }

    /// <summary>A patch may name any subset of the document's members.</summary>
    private static OpenApiSchema WithoutRequiredMembers(OpenApiSchema schema)
    {
        schema.Required?.Clear();
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            WithoutRequiredMembers(property);
        }

        return schema;
    }
}
