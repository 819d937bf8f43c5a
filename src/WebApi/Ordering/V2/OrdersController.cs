using Asp.Versioning;
using Enterprise.Application.Ordering.Orders;
using Enterprise.WebApi.ConditionalRequests;
using Enterprise.WebApi.Controllers;
using Enterprise.WebApi.OpenApi;
using Enterprise.WebApi.Pagination;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Ordering.V2;

/// <summary>
/// Orders (API version 2 only). A customer sees only their own orders, an admin everyone's; someone else's order is not
/// found on every route, so an id never reveals that it exists.
/// </summary>
[ApiVersion(2)]
[Authorize(Policy = OrderingPolicies.Read)]
[Route("api/v{version:apiVersion}/orders")]
[Tags("Orders")]
public sealed class OrdersController(ISender sender) : ApiControllerBase(sender)
{
    /// <summary>Lists the caller's orders (an admin: any customer's), newest first, in keyset pages.</summary>
    /// <remarks>
    /// While more orders follow, the <c>Link</c> header has a <c>rel="next"</c> URL: follow it as given. A
    /// <c>customerId</c> other than the caller's own is 403 unless the caller is an admin.
    /// </remarks>
    /// <param name="selection">Whose orders, and in which status.</param>
    /// <param name="paging">Which page of the list.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet]
    [ProducesResponseType<ItemsResponse<OrderResponse>>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status403Forbidden)]
    public Task<ActionResult> List(
        [FromQuery] OrderListParameters selection,
        [FromQuery] CursorPageParameters paging,
        CancellationToken cancellationToken)
    {
        var query = new ListOrdersQuery { Limit = paging.Limit, Cursor = paging.Cursor, CustomerId = selection.CustomerId, Status = selection.Status };
        return SendAsync(query, orders => CursorPage(orders, OrderContractMapper.ToResponse), cancellationToken);
    }

    /// <summary>Gets one of the caller's orders (an admin: anyone's).</summary>
    /// <remarks>
    /// The response carries the order's strong <c>ETag</c>, which cancel and ship must send back in <c>If-Match</c>; with
    /// <c>If-None-Match</c> naming it (or <c>*</c>) the answer is 304 without a body.
    /// </remarks>
    /// <param name="id">The order's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblems(StatusCodes.Status404NotFound)]
    public Task<ActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        SendTaggedReadAsync(new GetOrderQuery(id), OrderContractMapper.ToResponse, cancellationToken);

    /// <summary>Places an order for the caller; it is pending until Catalog has tried to reserve its stock.</summary>
    /// <remarks>
    /// The 202 points at the order (<c>Location</c>) and carries its <c>ETag</c>: read it again to see it confirmed or
    /// rejected. A product that does not exist or is archived, or lines in more than one currency, are 422 naming the
    /// line at fault.
    /// </remarks>
    [HttpPost]
    [Authorize(Policy = OrderingPolicies.Write)]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status202Accepted, Json)]
    public Task<ActionResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new PlaceOrderCommand(request.Lines),
        order => AcceptedAtAction(nameof(Get), new { id = order.Id, version = HttpContext.RequestedApiVersion?.ToString() }, order.ToResponse()),
        cancellationToken);

    /// <summary>Cancels a pending or confirmed order; the stock a confirmed order reserved goes back to Catalog.</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> with the order's current <c>ETag</c> (or <c>*</c>): 428 without it, 412 when the order
    /// has changed since. From any other status the answer is 409 <c>Order.InvalidTransition</c>. The 200 carries the
    /// new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The order's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpPost("{id:guid}/cancel")]
    [Authorize(Policy = OrderingPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Cancel(Guid id, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new CancelOrderCommand(id) { ExpectedVersions = IfMatchVersions }, order => Ok(order.ToResponse()), cancellationToken);

    /// <summary>Ships a confirmed order (admins only).</summary>
    /// <remarks>
    /// Requires <c>If-Match</c> as cancel does. From any status but confirmed the answer is 409
    /// <c>Order.InvalidTransition</c>. The 200 carries the new <c>ETag</c>.
    /// </remarks>
    /// <param name="id">The order's id.</param>
    /// <param name="cancellationToken">Aborted when the client disconnects.</param>
    [HttpPost("{id:guid}/ship")]
    [Authorize(Policy = OrderingPolicies.Write)]
    [RequiresIfMatch]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK, Json)]
    [ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public Task<ActionResult> Ship(Guid id, CancellationToken cancellationToken) => SendTaggedWriteAsync(
        new ShipOrderCommand(id) { ExpectedVersions = IfMatchVersions }, order => Ok(order.ToResponse()), cancellationToken);
}
