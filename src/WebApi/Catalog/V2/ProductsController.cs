using System.Text.Json;
using System.Text.Json.Nodes;
using Asp.Versioning;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.Pagination;
using Enterprise.WebApi.Patching;
using Enterprise.WebApi.Problems;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Catalog.V2;

/// <summary>
/// Products in API version 2: the price is an object, lists are keyset pages, and every write to an existing product
/// must name the version it was based on (<c>If-Match</c>).
/// </summary>
[ApiVersion(2)]
[Authorize(Policy = CatalogPolicies.Read)]
[Route("api/v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController(ISender sender, IOptions<JsonOptions> jsonOptions) : ApiControllerBase(sender)
{
    /// <summary>Lists products in keyset pages, filtered and sorted; active ones unless <c>status</c> says otherwise.</summary>
    /// <remarks>
    /// While more products follow, the <c>Link</c> header has a <c>rel="next"</c> URL: follow it as given. Products
    /// added or removed between two requests never make a page skip or repeat a product that was there all along.
    /// </remarks>
    /// <param name="selection">Which products, and in what order.</param>
    /// <param name="limit">Items per page, 1 to 100.</param>
    /// <param name="cursor">The opaque position from a previous page's next link; omit for the first page.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<ItemsResponse<ProductResponse>>(StatusCodes.Status200OK, Json)]
    public async Task<ActionResult> List(
        [FromQuery] ProductListParameters selection,
        [FromQuery] int limit = KeysetPaging.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var query = new ListProductsByCursorQuery
        {
            Limit = limit,
            Cursor = cursor,
            Selection = selection.ToSelection(),
        };
        var result = await Sender.Send(query, cancellationToken);
        return FromResult(result, products => CursorPage(products, ProductContractMapper.ToResponse));
    }

    /// <summary>Gets an active product; archived products are not found.</summary>
    /// <remarks>
    /// The response carries the product's strong <c>ETag</c>, which every write to it must send back in <c>If-Match</c>;
    /// with <c>If-None-Match</c> naming it (or <c>*</c>) the answer is 304 without a body.
    /// </remarks>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult> Get(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new GetProductQuery(id), cancellationToken);
        return FromResult(result, product => TaggedRepresentation(product.Version, product.ToResponse()));
    }

    /// <summary>Creates a product in an existing category.</summary>
    /// <remarks>The 201 carries the new product's <c>ETag</c>.</remarks>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status201Created, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Create(ProductWriteRequest request, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new CreateProductCommand { Details = request.ToDetails() }, cancellationToken);
        return FromResult(result, product => WithEntityTag(product.Version, CreatedAtGet(nameof(Get), product.Id, product.ToResponse())));
    }

    /// <summary>Replaces everything a caller controls on an active product.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    [HttpPut("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public Task<ActionResult> Replace(Guid id, ProductWriteRequest request, CancellationToken cancellationToken) =>
        ReplaceAsync(id, request, IfMatchVersions, cancellationToken);

    /// <summary>Changes some of a product's members with a JSON Merge Patch (RFC 7396).</summary>
    /// <remarks>
    /// The patch applies to the product's write document (the body a PUT takes): a member replaces, <c>null</c> removes
    /// (so only <c>description</c> may be null), and <c>price</c> merges member by member. The result is validated like
    /// a PUT. Requires <c>If-Match</c> as PUT does; the 200 carries the new <c>ETag</c>.
    /// </remarks>
    [HttpPatch("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [AcceptsMergePatch(typeof(ProductWriteRequest))]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, CancellationToken cancellationToken)
    {
        if (UnusablePatch(patch) is { } reason)
        {
            ModelState.AddModelError(InvalidRequestResponse.BodyKey, reason);
            return (ActionResult)InvalidRequestResponse.Create(ControllerContext);
        }

        var current = await Sender.Send(new GetProductQuery(id), cancellationToken);
        if (!current.IsSuccess)
        {
            return Problem(current.Error);
        }

        // The patch is applied to this version's document, so only this version may be overwritten with the result.
        var baseVersion = current.Value.Version;
        if (IfMatchVersions is { } accepted && !accepted.Contains(baseVersion))
        {
            return Problem(VersionPrecondition.Failed);
        }

        var document = JsonSerializer.SerializeToNode(current.Value.ToWriteRequest(), jsonOptions.Value.JsonSerializerOptions);
        var patched = JsonMergePatch.Apply(document, JsonObject.Create(patch));
        ProductWriteRequest request;
        try
        {
            // An object patch over an object document is an object, which never reads as null.
            request = patched.Deserialize<ProductWriteRequest>(jsonOptions.Value.JsonSerializerOptions)!;
        }
        catch (JsonException exception)
        {
            return InvalidRequestResponse.ForJsonError(ControllerContext, exception);
        }

        return await ReplaceAsync(id, request, [baseVersion], cancellationToken);
    }

    /// <summary>Archives a product: it leaves lists and lookups (404 from then on).</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 204 carries the <c>ETag</c> of the archived version.
    /// </remarks>
    [HttpDelete("{id:guid}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> Archive(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ArchiveProductCommand(id) { ExpectedVersions = IfMatchVersions }, cancellationToken);
        return FromResult(result, product => WithEntityTag(product.Version, NoContent()));
    }

    /// <summary>Adds or removes stock; the result may never be negative.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the product's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the
    /// product has changed since. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    [HttpPost("{id:guid}/stock-adjustments")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<ActionResult> AdjustStock(Guid id, StockAdjustmentRequest request, CancellationToken cancellationToken)
    {
        var command = new AdjustStockCommand(id, request.Quantity, request.Reason) { ExpectedVersions = IfMatchVersions };
        var result = await Sender.Send(command, cancellationToken);
        return FromResult(result, product => WithEntityTag(product.Version, Ok(product.ToResponse())));
    }

    /// <summary>
    /// Why a bound patch cannot be applied, or <see langword="null"/>. The patch is bound as a JsonElement because,
    /// unlike JsonObject, it honours AllowDuplicateProperties; what a typed body's binding also refuses is looked for
    /// here: text that is not valid Unicode (a JsonElement decodes it only when read) and a member repeated in another
    /// case (names are read ignoring case). A non-object patch would replace the whole document, never a product.
    /// </summary>
    private static string? UnusablePatch(JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return "A merge patch of a product must be a JSON object.";
        }

        try
        {
            return RepeatsAMember(patch) ? "A member appears more than once." : null;
        }
        catch (InvalidOperationException)
        {
            // What JsonElement throws when a name or string cannot be decoded.
            return "A member name or string is not valid Unicode text (invalid UTF-8 or a lone surrogate).";
        }
    }

    /// <summary>Reads every name and string of <paramref name="element"/>, decoding each, and compares names ignoring case.</summary>
    private static bool RepeatsAMember(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                return element.EnumerateObject().Any(member => !names.Add(member.Name) || RepeatsAMember(member.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(RepeatsAMember);
            case JsonValueKind.String:
                // Decoded only for the exception invalid text throws; a string repeats nothing.
                _ = element.GetString();
                return false;
            default:
                return false;
        }
    }

    private async Task<ActionResult> ReplaceAsync(
        Guid id,
        ProductWriteRequest request,
        IReadOnlyCollection<long>? expectedVersions,
        CancellationToken cancellationToken)
    {
        var command = new ReplaceProductCommand { ProductId = id, Details = request.ToDetails(), ExpectedVersions = expectedVersions };
        var result = await Sender.Send(command, cancellationToken);
        return FromResult(result, product => WithEntityTag(product.Version, Ok(product.ToResponse())));
    }
}
