using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Http;

/// <summary>
/// What every API controller shares: the mediator, and the single mapping from an expected
/// <see cref="Error"/> to an HTTP problem response.
/// </summary>
[ApiController]
public abstract class ApiControllerBase(ISender sender) : ControllerBase
{
    protected const string Json = "application/json";
    protected const string ProblemJson = ProblemDetailsSetup.ProblemJson;

    protected ISender Sender { get; } = sender;

    protected ActionResult Problem(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var statusCode = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unmapped error kind."),
        };

        ProblemDetails problem;
        if (error.Kind == ErrorKind.Validation)
        {
            var errors = error switch
            {
                ValidationErrors validation => validation.Errors.ToDictionary(),
                { Field: { } field } => new Dictionary<string, string[]> { [field] = [error.Description] },
                _ => new Dictionary<string, string[]>(),
            };
            problem = ProblemDetailsFactory.CreateValidationProblemDetails(HttpContext, ToModelState(errors), statusCode);
            problem.Detail = error is ValidationErrors ? "See the errors member for each invalid field." : error.Description;
        }
        else
        {
            problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, statusCode, detail: error.Description);
        }

        if (error.Kind == ErrorKind.Unauthorized)
        {
            // RFC 9110: a 401 names the scheme the client should authenticate with.
            Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
        }

        return ProblemResults.From(problem, error.Code);
    }

    /// <summary>201 with a <c>Location</c> that points at the new resource in the version the caller used.</summary>
    protected ActionResult CreatedAtGet(string getActionName, Guid id, object body) =>
        CreatedAtAction(getActionName, new { id, version = HttpContext.RequestedApiVersion?.ToString() }, body);

    /// <summary>The versions the request's <c>If-Match</c> accepts (<see cref="EntityTags.ExpectedVersions"/>).</summary>
    protected IReadOnlyCollection<long>? IfMatchVersions => EntityTags.ExpectedVersions(Request.Headers.IfMatch);

    /// <summary>
    /// 200 with the representation of a resource version and its <c>ETag</c>; 304 without a body when the request's
    /// <c>If-None-Match</c> already names that version.
    /// </summary>
    protected ActionResult TaggedRepresentation(long version, object body) => WithEntityTag(
        version,
        EntityTags.NoneMatchHits(Request.Headers.IfNoneMatch, version) ? StatusCode(StatusCodes.Status304NotModified) : Ok(body));

    /// <summary>Adds the <c>ETag</c> of the resource version <paramref name="response"/> describes (<see cref="EntityTags"/>).</summary>
    protected ActionResult WithEntityTag(long version, ActionResult response)
    {
        Response.Headers.ETag = EntityTags.For(version);
        return response;
    }

    /// <summary>200 with an offset page and its <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c> links.</summary>
    protected ActionResult OffsetPage<TSource, TItem>(PagedResult<TSource> page, Func<TSource, TItem> toItem)
    {
        Response.Headers.Link = PageLinks.ForOffsetPage(Request, page);
        return Ok(PageResponse.From(page, toItem));
    }

    /// <summary>200 with a keyset page, and its <c>next</c> link while more items follow.</summary>
    protected ActionResult CursorPage<TSource, TItem>(CursorPage<TSource> page, Func<TSource, TItem> toItem)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (PageLinks.ForCursorPage(Request, page) is { } next)
        {
            Response.Headers.Link = next;
        }

        return Ok(new ItemsResponse<TItem>([.. page.Items.Select(toItem)]));
    }

    protected ActionResult FromResult<T>(Result<T> result, Func<T, ActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error);
    }

    protected ActionResult FromResult(Result result, Func<ActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess() : Problem(result.Error);
    }

    private static Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ToModelState(Dictionary<string, string[]> errors)
    {
        var modelState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }

        return modelState;
    }
}
