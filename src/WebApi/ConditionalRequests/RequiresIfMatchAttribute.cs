using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace Enterprise.WebApi.ConditionalRequests;

/// <summary>
/// Makes a write conditional by contract: without <c>If-Match</c> the request is refused with 428 (RFC 6585) before
/// its body is read, so no client can overwrite a change it never saw. The condition itself is checked by the use
/// case (stale tag: 412). The API documents show the header as required, and both statuses.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresIfMatchAttribute : Attribute, IResourceFilter
{
    public const string Code = "Precondition.Required";

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An empty value is no condition either: let through, it would make the write unconditional.
        if (StringValues.IsNullOrEmpty(context.HttpContext.Request.Headers.IfMatch))
        {
            context.Result = ProblemFactory.Create(
                context.HttpContext,
                StatusCodes.Status428PreconditionRequired,
                Code,
                "This write requires an If-Match header with the resource's current ETag (or *). Read the resource, then send its ETag.")
                .ToActionResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
