using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Documents the problem responses that come from the pipeline rather than the use case, the same way on
/// every action: 429 (rate limited), 500, 503 (database unreachable) and 504 (request timeout) always; 400 wherever query
/// values or a body are bound; 413 and 415 wherever a JSON body is read; 401 wherever a policy applies
/// (reads too, since anonymous reads can be switched off) and 403 where the action demands more than
/// reading; 412 wherever <c>If-Match</c> is honoured and 428 where it is required. Actions declare only the outcomes of
/// their own use case, with <see cref="ProducesProblemsAttribute"/> (404, 409, ...).
/// </summary>
internal sealed class ProblemResponsesConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var statusCode in action.Attributes.OfType<ProducesProblemsAttribute>().SelectMany(declared => declared.StatusCodes))
        {
            Add(action, statusCode, typeof(ProblemDetails));
        }

        Add(action, StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
        Add(action, StatusCodes.Status500InternalServerError, typeof(ProblemDetails));
        Add(action, StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails));
        Add(action, StatusCodes.Status504GatewayTimeout, typeof(ProblemDetails));

        if (action.Controller.Attributes.Concat(action.Attributes).OfType<AuthorizeAttribute>().Any())
        {
            Add(action, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
        }

        if (action.Attributes.OfType<AuthorizeAttribute>().Any())
        {
            Add(action, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }

        var requiresIfMatch = action.Attributes.OfType<RequiresIfMatchAttribute>().Any();
        if (requiresIfMatch || action.Attributes.OfType<HonoursIfMatchAttribute>().Any())
        {
            Add(action, StatusCodes.Status412PreconditionFailed, typeof(ProblemDetails));
        }

        if (requiresIfMatch)
        {
            Add(action, StatusCodes.Status428PreconditionRequired, typeof(ProblemDetails));
        }

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
            Add(action, StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            Add(action, StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
        }
    }

    private static void Add(ActionModel action, int statusCode, Type problemType) =>
        action.Filters.Add(new ProducesResponseTypeAttribute(problemType, statusCode, ProblemFactory.MediaType));
}
