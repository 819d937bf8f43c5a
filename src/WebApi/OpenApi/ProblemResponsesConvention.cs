using Enterprise.WebApi.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Documents the problem responses that come from the transport rather than the use case, the same way on
/// every action: 500 always; 400 and 415 wherever a JSON body or query values are bound. Actions declare
/// only the outcomes of their own use case (404, 409, ...).
/// </summary>
internal sealed class ProblemResponsesConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(action, StatusCodes.Status500InternalServerError, typeof(ProblemDetails));

        var bindsBody = action.Parameters.Any(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body
            || action.Attributes.OfType<ConsumesAttribute>().Any());
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
