using Asp.Versioning;
using Enterprise.Application.SampleModule.SampleItems;
#if (kind == "command")
using Enterprise.WebApi.ConditionalRequests;
#endif
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Problems;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.SampleModule.VSampleVersion;

/// <summary>SampleUseCase on a SampleItem (API version SampleVersion), beside the SampleItems controller's routes.</summary>
[ApiVersion(SampleVersion)]
[Authorize(Policy = SampleModulePolicies.Read)]
[Route("api/v{version:apiVersion}/sample-items")]
[Tags("SampleItems")]
public sealed class SampleUseCaseController(ISender sender) : ApiControllerBase(sender)
{
#if (kind == "query")
    /// <summary>SampleUseCase: the SampleItem with this id.</summary>
    /// <remarks>404 when no SampleItem has this id; 400 for the empty id.</remarks>
    /// <param name="id">The SampleItem's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpSampleMethod("{id:guid}/sample-route")]
    [ProducesResponseType<SampleItemResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> SampleUseCase(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new SampleUseCaseQuery(id), sampleItem => Ok(sampleItem.ToResponse()), cancellationToken);
#else
    /// <summary>SampleUseCase on the SampleItem with this id.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the SampleItem's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when it has
    /// changed since; 409 when its state does not allow the change; 400 for the empty id.
    /// </remarks>
    /// <param name="id">The SampleItem's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpSampleMethod("{id:guid}/sample-route")]
    [Authorize(Policy = SampleModulePolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<SampleItemResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemFactory.MediaType)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> SampleUseCase(Guid id, CancellationToken cancellationToken) => SendAsync(
        new SampleUseCaseCommand(id) { ExpectedVersions = IfMatchVersions },
        sampleItem => Ok(sampleItem.ToResponse()),
        cancellationToken);
#endif
}
