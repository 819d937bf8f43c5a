using Asp.Versioning;
using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Persistence;
using Enterprise.WebApi.Http;
using Enterprise.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog;

[ApiVersion(1)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/categories")]
[Tags("Categories")]
public sealed class CategoriesController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists categories by slug, paged.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Items per page, 1 to 100.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<PageResponse<CategoryResponse>>(StatusCodes.Status200OK, Json)]
    public async Task<ActionResult> List(
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var result = await Sender.Send(new ListCategoriesQuery { Page = page, PageSize = pageSize }, cancellationToken);
        return FromResult(result, categories => Ok(PageResponse.From(categories, CatalogContractMapper.ToResponse)));
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<CategoryResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult> Get(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new GetCategoryQuery(id), cancellationToken);
        return FromResult(result, category => Ok(category.ToResponse()));
    }

    /// <summary>Creates a category; its slug is derived from the name.</summary>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<CategoryResponse>(StatusCodes.Status201Created, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Create(CategoryCreateRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new CreateCategoryCommand(request.Name), cancellationToken);
        return FromResult(result, category => CreatedAtGet(nameof(Get), category.Id, category.ToResponse()));
    }

    /// <summary>Deletes a category that no active product uses.</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.DeleteCategory)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new DeleteCategoryCommand(id), cancellationToken);
        return FromResult(result, NoContent);
    }
}
