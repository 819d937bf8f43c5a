using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Enterprise.WebApi.Idempotency;

/// <summary>Endpoint metadata: the endpoint honours <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentRequestMetadata
{
    public static readonly IdempotentRequestMetadata Instance = new();

    private IdempotentRequestMetadata()
    {
    }
}

/// <summary>
/// Makes every POST action, in every controller and API version, honour <c>Idempotency-Key</c>: POST is the method that
/// creates or changes state without being idempotent by itself. Applied by convention so that a new controller (or a
/// new version of one) gets it without saying so. Also declares the 409 and 422 the key can cause, for OpenAPI.
/// </summary>
internal sealed class IdempotentPostConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var postSelectors = action.Selectors
            .Where(selector => selector.ActionConstraints.OfType<HttpMethodActionConstraint>()
                .Any(constraint => constraint.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        if (postSelectors.Count == 0)
        {
            return;
        }

        foreach (var selector in postSelectors)
        {
            selector.EndpointMetadata.Add(IdempotentRequestMetadata.Instance);
        }

        action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status409Conflict, ProblemFactory.MediaType));
        action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity, ProblemFactory.MediaType));
    }
}
