using Asp.Versioning;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.WebApi.Http;
using Enterprise.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Catalog;

[ApiVersion(1)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists active products, filtered, sorted and paged.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Items per page, 1 to 100.</param>
    /// <param name="categoryId">Only products in this category.</param>
    /// <param name="q">Case-insensitive text in the name or SKU.</param>
    /// <param name="sort">Comma-separated fields (name, sku, price, stockQuantity, createdAt, updatedAt); prefix '-' for descending.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<PageResponse<ProductResponse>>(StatusCodes.Status200OK, Json)]
    public async Task<ActionResult> List(
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        [FromQuery] Guid? categoryId = null,
        [FromQuery] string? q = null,
        [FromQuery] string? sort = null,
        CancellationToken cancellationToken = default)
    {
        var query = new ListProductsQuery { Page = page, PageSize = pageSize, CategoryId = categoryId, Search = q, Sort = sort };
        var result = await Sender.Send(query, cancellationToken);
        return FromResult(result, products => Ok(PageResponse.From(products, CatalogContractMapper.ToResponse)));
    }

    /// <summary>Gets an active product; archived products are not found.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult> Get(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new GetProductQuery(id), cancellationToken);
        return FromResult(result, product => Ok(product.ToResponse()));
    }

    /// <summary>Creates a product in an existing category.</summary>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status201Created, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Create(ProductWriteRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new CreateProductCommand { Details = request.ToDetails() }, cancellationToken);
        return FromResult(result, product => CreatedAtGet(nameof(Get), product.Id, product.ToResponse()));
    }

    /// <summary>Replaces everything a caller controls on an active product.</summary>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Replace(Guid id, ProductWriteRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ReplaceProductCommand { ProductId = id, Details = request.ToDetails() }, cancellationToken);
        return FromResult(result, product => Ok(product.ToResponse()));
    }

    /// <summary>Archives a product: it leaves lists and lookups (404 from then on).</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Archive(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ArchiveProductCommand(id), cancellationToken);
        return FromResult(result, NoContent);
    }

    /// <summary>Adds or removes stock; the result may never be negative.</summary>
    [HttpPost("{id:guid}/stock-adjustments")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> AdjustStock(Guid id, StockAdjustmentRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new AdjustStockCommand(id, request.Quantity, request.Reason), cancellationToken);
        return FromResult(result, product => Ok(product.ToResponse()));
    }
}
