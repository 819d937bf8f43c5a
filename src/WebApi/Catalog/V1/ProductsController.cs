using Asp.Versioning;
using Enterprise.Application.Catalog.Products;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Pagination;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog.V1;

/// <summary>Products in API version 1: the price is an amount and a currency side by side, and lists are offset pages.</summary>
[ApiVersion(1)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists products, filtered, sorted and paged; active ones unless <c>status</c> says otherwise.</summary>
    /// <remarks>The <c>Link</c> header names the <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c> pages of the same list.</remarks>
    /// <param name="selection">Which products, and in what order.</param>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<PageResponse<ProductResponse>>(StatusCodes.Status200OK, Json)]
    public Task<ActionResult> List(
        [FromQuery] ProductListParameters selection,
        [FromQuery] OffsetPageParameters paging,
        CancellationToken cancellationToken)
    {
        var query = new ListProductsQuery { Page = paging.Page, PageSize = paging.PageSize, Selection = selection.ToSelection() };
        return SendAsync(query, products => OffsetPage(products, ProductContractMapper.ToResponse), cancellationToken);
    }

    /// <summary>Gets an active product; archived products are not found.</summary>
    /// <remarks>
    /// The response carries the product's strong <c>ETag</c>; with <c>If-None-Match</c> naming it (or <c>*</c>) the
    /// answer is 304 without a body.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendTaggedReadAsync(new GetProductQuery(id), ProductContractMapper.ToResponse, cancellationToken);

    /// <summary>Creates a product in an existing category.</summary>
    /// <remarks>The 201 carries the new product's <c>ETag</c>.</remarks>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status201Created, Json)]
    [ProducesProblems(StatusCodes.Status409Conflict)]
    public Task<ActionResult> Create(ProductWriteRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new CreateProductCommand { Details = request.ToDetails() },
        product => CreatedAtGet(nameof(Get), product.Id, product.ToResponse()),
        cancellationToken);

    /// <summary>Replaces everything a caller controls on an active product.</summary>
    /// <remarks>
    /// With <c>If-Match</c> the write happens only if the product still has that <c>ETag</c> (412 otherwise; <c>*</c>
    /// matches any); without it the write is unconditional. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">Everything a caller controls on the product.</param>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [HonoursIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Replace(Guid id, ProductWriteRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new ReplaceProductCommand { ProductId = id, Details = request.ToDetails(), ExpectedVersions = IfMatchVersions },
        product => Ok(product.ToResponse()),
        cancellationToken);

    /// <summary>Archives a product: it leaves lists and lookups (404 from then on).</summary>
    /// <remarks>
    /// With <c>If-Match</c> the product is archived only if it still has that <c>ETag</c> (412 otherwise; <c>*</c>
    /// matches any). The 204 carries the <c>ETag</c> of the archived version.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [HonoursIfMatch]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Archive(Guid id, CancellationToken cancellationToken) =>
        SendTaggedWriteAsync(new ArchiveProductCommand(id) { ExpectedVersions = IfMatchVersions }, _ => NoContent(), cancellationToken);

    /// <summary>Adds or removes stock; the result may never be negative.</summary>
    /// <remarks>
    /// With <c>If-Match</c> the stock changes only if the product still has that <c>ETag</c> (412 otherwise; <c>*</c>
    /// matches any). The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">The signed change to the stock, and the reason for it.</param>
    [HttpPost("{id:guid}/stock-adjustments")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [HonoursIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> AdjustStock(Guid id, StockAdjustmentRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new AdjustStockCommand(id, request.Quantity, request.Reason) { ExpectedVersions = IfMatchVersions },
        product => Ok(product.ToResponse()),
        cancellationToken);
}
