using System.Text.Json;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Pagination;
using Enterprise.WebApi.Patching;
using Enterprise.WebApi.Problems;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Controllers;

/// <summary>
/// What every API controller shares: sending a request through the mediator and answering its result (errors as
/// problem responses, <see cref="ProblemFactory"/>), the responses of conditional requests and of paged lists, and
/// merge patches.
/// </summary>
/// <remarks>
/// An action's XML docs become its OpenAPI operation: summary, remarks (the description) and a <c>param</c> for every
/// parameter, the body's last. ASP.NET Core 10's XML comment generator gives the request body the text of the last
/// <c>param</c> it cannot match to a route, query or header parameter (dotnet/aspnetcore#65805), so a body described
/// before <c>cancellationToken</c> would read "Aborted when the client disconnects"; the lint (redocly.yaml) catches that.
/// </remarks>
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

    /// <summary>Sends a query and answers its value through <paramref name="onSuccess"/>, or its error as a problem.</summary>
    protected async Task<ActionResult> SendAsync<T>(IQuery<Result<T>> query, Func<T, ActionResult> onSuccess, CancellationToken cancellationToken) =>
        FromResult(await Sender.Send(query, cancellationToken), onSuccess);

    /// <summary>Sends a command and answers its value through <paramref name="onSuccess"/>, or its error as a problem.</summary>
    protected async Task<ActionResult> SendAsync<T>(ICommand<Result<T>> command, Func<T, ActionResult> onSuccess, CancellationToken cancellationToken) =>
        FromResult(await Sender.Send(command, cancellationToken), onSuccess);

    /// <summary>Sends a command without a value and answers <paramref name="onSuccess"/>, or its error as a problem.</summary>
    protected async Task<ActionResult> SendAsync(ICommand<Result> command, Func<ActionResult> onSuccess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        var result = await Sender.Send(command, cancellationToken);
        return result.IsSuccess ? onSuccess() : Problem(result.Error);
    }

    /// <summary>
    /// Sends the query for one resource and answers its representation (<paramref name="toBody"/>) with its <c>ETag</c>,
    /// or 304 (<see cref="TaggedRepresentation"/>).
    /// </summary>
    protected Task<ActionResult> SendTaggedReadAsync<T>(IQuery<Result<T>> query, Func<T, object> toBody, CancellationToken cancellationToken)
        where T : IHasVersion
    {
        ArgumentNullException.ThrowIfNull(toBody);
        return SendAsync(query, resource => TaggedRepresentation(resource.Version, toBody(resource)), cancellationToken);
    }

    /// <summary>Sends a write and answers <paramref name="onSuccess"/> with the <c>ETag</c> of the version it wrote.</summary>
    protected Task<ActionResult> SendTaggedWriteAsync<T>(ICommand<Result<T>> command, Func<T, ActionResult> onSuccess, CancellationToken cancellationToken)
        where T : IHasVersion
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return SendAsync(command, resource => WithEntityTag(resource.Version, onSuccess(resource)), cancellationToken);
    }

    /// <summary>
    /// Answers a JSON Merge Patch (RFC 7396) of a resource as a conditional replace of its write document: 400 for a
    /// patch <see cref="MergePatchDocument.FindUnusable"/> refuses, the current resource's problem (404), 412 when
    /// <c>If-Match</c> does not name its version, 400 when the patched document does not read; otherwise
    /// <paramref name="replace"/> with the patched document and the version it was based on, since only that version
    /// may be overwritten with it.
    /// </summary>
    /// <param name="patch">The bound patch.</param>
    /// <param name="resourceName">What the document describes, for the message ("a product").</param>
    /// <param name="currentQuery">The query for the resource as it is now.</param>
    /// <param name="toDocument">The resource's write document: what a PUT would send to leave it as it is.</param>
    /// <param name="replace">The conditional replace, given the patched document and the version it was based on.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    protected async Task<ActionResult> MergePatchAsync<TResource, TDocument>(
        JsonElement patch,
        string resourceName,
        IQuery<Result<TResource>> currentQuery,
        Func<TResource, TDocument> toDocument,
        Func<TDocument, long, Task<ActionResult>> replace,
        CancellationToken cancellationToken)
        where TResource : IHasVersion
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(toDocument);
        ArgumentNullException.ThrowIfNull(replace);
        if (MergePatchDocument.FindUnusable(patch, resourceName) is { } reason)
        {
            ModelState.AddModelError(InvalidRequestResponse.BodyKey, reason);
            return InvalidRequestResponse.Create(ControllerContext);
        }

        var current = await Sender.Send(currentQuery, cancellationToken);
        if (!current.IsSuccess)
        {
            return Problem(current.Error);
        }

        var baseVersion = current.Value.Version;
        if (IfMatchVersions is { } accepted && !accepted.Contains(baseVersion))
        {
            return Problem(VersionPrecondition.Failed);
        }

        TDocument patched;
        try
        {
            var serializerOptions = HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
            patched = MergePatchDocument.Apply(toDocument(current.Value), patch, serializerOptions);
        }
        catch (JsonException exception)
        {
            return InvalidRequestResponse.ForJsonError(ControllerContext, exception);
        }

        return await replace(patched, baseVersion);
    }

    private ActionResult FromResult<T>(Result<T> result, Func<T, ActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error);
    }
}
