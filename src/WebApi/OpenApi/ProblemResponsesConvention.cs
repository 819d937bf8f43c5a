using Enterprise.WebApi.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Documents the problem responses that come from the transport rather than the use case, the same way on
/// every action: 500 and 503 (database unreachable) always; 400 and 415 wherever a JSON body or query values are bound. Actions declare
/// only the outcomes of their own use case (404, 409, ...).
/// </summary>
internal sealed class ProblemResponsesConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(action, StatusCodes.Status500InternalServerError, typeof(ProblemDetails));
        Add(action, StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails));

        // Bodies are read by the JSON input formatter, which answers 415 itself for other media types.
        // [Consumes] is deliberately not used: its 415 is chosen by routing, before the versioned
        // endpoint is known, so that response would lack the api-supported-versions header.
        var bindsBody = action.Parameters.Any(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body);
        var bindsQuery = action.Parameters.Any(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Query);
        if (bindsBody || bindsQuery)
        {
            Add(action, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        }

        if (bindsBody)
        {
            Add(action, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
        }
    }

    private static void Add(ActionModel action, int statusCode, Type problemType) =>
        action.Filters.Add(new ProducesResponseTypeAttribute(problemType, statusCode, ProblemDetailsSetup.ProblemJson));
}
