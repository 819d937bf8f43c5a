using Asp.Versioning;
using Enterprise.Application.SampleModule.SampleItems;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Pagination;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.SampleModule.V2;

/// <summary>SampleItems (API version 2): read by any signed-in caller, written with the module's write scope.</summary>
[ApiVersion(2)]
[Authorize(Policy = SampleModulePolicies.Read)]
[Route("api/v{version:apiVersion}/sample-items")]
[Tags("SampleItems")]
public sealed class SampleItemsController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists SampleItems, oldest first, in keyset pages.</summary>
    /// <remarks>While more follow, the <c>Link</c> header has a <c>rel="next"</c> URL: follow it as given.</remarks>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<ItemsResponse<SampleItemResponse>>(StatusCodes.Status200OK, Json)]
    public Task<ActionResult> List([FromQuery] CursorPageParameters paging, CancellationToken cancellationToken) =>
        SendAsync(
            new ListSampleItemsQuery { Limit = paging.Limit, Cursor = paging.Cursor },
            sampleItems => CursorPage(sampleItems, SampleItemContractMapper.ToResponse),
            cancellationToken);

    /// <summary>Gets a SampleItem.</summary>
    /// <remarks>
    /// The response carries the strong <c>ETag</c> that replace and delete must send back in <c>If-Match</c>; with
    /// <c>If-None-Match</c> naming it (or <c>*</c>) the answer is 304 without a body.
    /// </remarks>
    /// <param name="id">The SampleItem's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<SampleItemResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendTaggedReadAsync(new GetSampleItemQuery(id), SampleItemContractMapper.ToResponse, cancellationToken);

    /// <summary>Creates a SampleItem.</summary>
    /// <remarks>The 201 points at it (<c>Location</c>) and carries its <c>ETag</c>.</remarks>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">The new SampleItem's name.</param>
    [HttpPost]
    [Authorize(Policy = SampleModulePolicies.Write)]
    [ProducesResponseType<SampleItemResponse>(StatusCodes.Status201Created, Json)]
    public Task<ActionResult> Create(SampleItemWriteRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new CreateSampleItemCommand(request.Name),
        sampleItem => CreatedAtGet(nameof(Get), sampleItem.Id, sampleItem.ToResponse()),
        cancellationToken);

    /// <summary>Replaces a SampleItem.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when it has changed
    /// since. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The SampleItem's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">The SampleItem's new name.</param>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = SampleModulePolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<SampleItemResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Replace(Guid id, SampleItemWriteRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new ReplaceSampleItemCommand(id, request.Name) { ExpectedVersions = IfMatchVersions },
        sampleItem => Ok(sampleItem.ToResponse()),
        cancellationToken);

    /// <summary>Deletes a SampleItem.</summary>
    /// <remarks>Requires <c>If-Match</c> as replace does.</remarks>
    /// <param name="id">The SampleItem's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = SampleModulePolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteSampleItemCommand(id) { ExpectedVersions = IfMatchVersions }, NoContent, cancellationToken);
}
