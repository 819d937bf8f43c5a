using System.ComponentModel;

namespace Enterprise.WebApi.Catalog;

/// <summary>A signed change to a product's stock, with the reason for it.</summary>
public sealed record StockAdjustmentRequest
{
    [Description("Positive to add stock, negative to remove it; never zero. Stock cannot go below zero.")]
    public required int Quantity { get; init; }

    public required string Reason { get; init; }
}
