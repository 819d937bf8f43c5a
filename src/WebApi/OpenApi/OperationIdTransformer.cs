using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Names every controller operation <c>{Controller}_{Action}</c> (<c>Products_Create</c>): unique in a document, since
/// a document holds one version and each action answers one route there, and stable while the action keeps its name.
/// Generated clients name their methods after it (and NSwag its client classes after the part before the underscore).
/// </summary>
internal sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (operation.OperationId is null && context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = $"{action.ControllerName}_{action.ActionName}";
        }

        return Task.CompletedTask;
    }
}
