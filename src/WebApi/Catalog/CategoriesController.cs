using Asp.Versioning;
using Enterprise.Application.Catalog.Categories;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Pagination;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog;

/// <summary>
/// Categories, the same resource in API versions 1 and 2: only the list differs (offset pages in 1, keyset pages in 2).
/// </summary>
[ApiVersion(1)]
[ApiVersion(2)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/categories")]
[Tags("Categories")]
public sealed class CategoriesController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists categories by slug, paged.</summary>
    /// <remarks>The <c>Link</c> header names the <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c> pages.</remarks>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [MapToApiVersion(1)]
    [ProducesResponseType<PageResponse<CategoryResponse>>(StatusCodes.Status200OK, Json)]
    public Task<ActionResult> List([FromQuery] OffsetPageParameters paging, CancellationToken cancellationToken) =>
        SendAsync(
            new ListCategoriesQuery { Page = paging.Page, PageSize = paging.PageSize },
            categories => OffsetPage(categories, CatalogContractMapper.ToResponse),
            cancellationToken);

    /// <summary>Lists categories by slug in keyset pages.</summary>
    /// <remarks>While more categories follow, the <c>Link</c> header has a <c>rel="next"</c> URL: follow it as given.</remarks>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [MapToApiVersion(2)]
    [ProducesResponseType<ItemsResponse<CategoryResponse>>(StatusCodes.Status200OK, Json)]
    public Task<ActionResult> ListByCursor([FromQuery] CursorPageParameters paging, CancellationToken cancellationToken) =>
        SendAsync(
            new ListCategoriesByCursorQuery { Limit = paging.Limit, Cursor = paging.Cursor },
            categories => CursorPage(categories, CatalogContractMapper.ToResponse),
            cancellationToken);

    /// <summary>Gets a category.</summary>
    /// <remarks>404 when no category has this id.</remarks>
    /// <param name="id">The category's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<CategoryResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new GetCategoryQuery(id), category => Ok(category.ToResponse()), cancellationToken);

    /// <summary>Creates a category; its slug is derived from the name.</summary>
    /// <remarks>
    /// 409 when another category already has the slug the name gives. The 201's <c>Location</c> points at the new
    /// category in the version the request used.
    /// </remarks>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">The category to create.</param>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<CategoryResponse>(StatusCodes.Status201Created, Json)]
    [ProducesProblems(StatusCodes.Status409Conflict)]
    public Task<ActionResult> Create(CategoryCreateRequest request, CancellationToken cancellationToken) =>
        SendAsync(new CreateCategoryCommand(request.Name), category => CreatedAtGet(nameof(Get), category.Id, category.ToResponse()), cancellationToken);

    /// <summary>Deletes a category that no active product uses.</summary>
    /// <remarks>
    /// Needs the <c>admin</c> role as well as the <c>catalog:write</c> scope; 409 while an active product is in the
    /// category.
    /// </remarks>
    /// <param name="id">The category's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.DeleteCategory)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        SendAsync(new DeleteCategoryCommand(id), NoContent, cancellationToken);
}
