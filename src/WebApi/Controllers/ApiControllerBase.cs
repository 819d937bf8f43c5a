using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Pagination;
using Enterprise.WebApi.Problems;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Controllers;

/// <summary>
/// What every API controller shares: the mediator, results as problem responses (<see cref="ProblemFactory"/>), and
/// the responses of conditional requests and of paged lists.
/// </summary>
[ApiController]
public abstract class ApiControllerBase(ISender sender) : ControllerBase
{
    protected const string Json = "application/json";
    protected const string ProblemJson = ProblemFactory.MediaType;

    protected ISender Sender { get; } = sender;

    /// <summary>The problem response for an expected failure (<see cref="ProblemFactory.FromError"/>).</summary>
    protected ActionResult Problem(Error error) => ProblemFactory.FromError(HttpContext, error).ToActionResult();

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
}
