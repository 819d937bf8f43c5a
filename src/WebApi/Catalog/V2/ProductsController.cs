using System.Text.Json;
using Asp.Versioning;
using Enterprise.Application.Catalog.Products;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Pagination;
using Enterprise.WebApi.Patching;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog.V2;

/// <summary>
/// Products in API version 2: the price is an object, lists are keyset pages, and every write to an existing product
/// must name the version it was based on (<c>If-Match</c>).
/// </summary>
[ApiVersion(2)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists products in keyset pages, filtered and sorted; active ones unless <c>status</c> says otherwise.</summary>
    /// <remarks>
    /// While more products follow, the <c>Link</c> header has a <c>rel="next"</c> URL: follow it as given. Products
    /// added or removed between two requests never make a page skip or repeat a product that was there all along.
    /// </remarks>
    /// <param name="selection">Which products, and in what order.</param>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<ItemsResponse<ProductResponse>>(StatusCodes.Status200OK, Json)]
    public Task<ActionResult> List(
        [FromQuery] ProductListParameters selection,
        [FromQuery] CursorPageParameters paging,
        CancellationToken cancellationToken)
    {
        var query = new ListProductsByCursorQuery { Limit = paging.Limit, Cursor = paging.Cursor, Selection = selection.ToSelection() };
        return SendAsync(query, products => CursorPage(products, ProductContractMapper.ToResponse), cancellationToken);
    }

    /// <summary>Gets an active product; archived products are not found.</summary>
    /// <remarks>
    /// The response carries the product's strong <c>ETag</c>, which every write to it must send back in <c>If-Match</c>;
    /// with <c>If-None-Match</c> naming it (or <c>*</c>) the answer is 304 without a body.
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
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">Everything a caller controls on the product.</param>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Replace(Guid id, ProductWriteRequest request, CancellationToken cancellationToken) =>
        ReplaceAsync(id, request, IfMatchVersions, cancellationToken);

    /// <summary>Changes some of a product's members with a JSON Merge Patch (RFC 7396).</summary>
    /// <remarks>
    /// The patch applies to the product's write document (the body a PUT takes): a member replaces, <c>null</c> removes
    /// (so only <c>description</c> may be null), and <c>price</c> merges member by member. The result is validated like
    /// a PUT. Requires <c>If-Match</c> as PUT does; the 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="patch">The merge patch.</param>
    [HttpPatch("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [AcceptsMergePatch(typeof(ProductWriteRequest))]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken cancellationToken) => MergePatchAsync(
        patch,
        "a product",
        new GetProductQuery(id),
        ProductContractMapper.ToWriteRequest,
        (request, baseVersion) => ReplaceAsync(id, request, [baseVersion], cancellationToken),
        cancellationToken);

    /// <summary>Archives a product: it leaves lists and lookups (404 from then on).</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 204 carries the <c>ETag</c> of the archived version.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Archive(Guid id, CancellationToken cancellationToken) =>
        SendTaggedWriteAsync(new ArchiveProductCommand(id) { ExpectedVersions = IfMatchVersions }, _ => NoContent(), cancellationToken);

    /// <summary>Adds or removes stock; the result may never be negative.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    /// <param name="request">The signed change to the stock, and the reason for it.</param>
    [HttpPost("{id:guid}/stock-adjustments")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> AdjustStock(Guid id, StockAdjustmentRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new AdjustStockCommand(id, request.Quantity, request.Reason) { ExpectedVersions = IfMatchVersions },
        product => Ok(product.ToResponse()),
        cancellationToken);

    private Task<ActionResult> ReplaceAsync(
        Guid id,
        ProductWriteRequest request,
        IReadOnlyCollection<long>? expectedVersions,
        CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new ReplaceProductCommand { ProductId = id, Details = request.ToDetails(), ExpectedVersions = expectedVersions },
        product => Ok(product.ToResponse()),
        cancellationToken);
}
