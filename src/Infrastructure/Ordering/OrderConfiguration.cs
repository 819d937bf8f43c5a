using Enterprise.Domain.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Ordering;

/// <summary>
/// Orders and their lines in Ordering's own schema. A line names its product by id only: no foreign key reaches
/// Catalog's tables, since the product is Catalog's and the line keeps its own copy of what was sold.
/// </summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public const string Schema = "ordering";

    /// <summary>The databases' exact decimal: 18 significant digits, four of them after the point (as Catalog's prices).</summary>
    private const int AmountPrecision = 18;
    private const int AmountScale = 4;
    private const int CurrencyLength = 3;

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders", Schema);
        builder.HasKey(order => order.Id);
        builder.Property(order => order.Id).ValueGeneratedNever();

        builder.Property(order => order.CustomerId).HasMaxLength(Order.CustomerIdMaxLength).IsRequired();
        builder.Property(order => order.Currency).HasMaxLength(CurrencyLength).IsFixedLength().IsRequired();
        builder.Property(order => order.Total).HasPrecision(AmountPrecision, AmountScale);
        builder.Property(order => order.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(order => order.RejectionReason).HasMaxLength(Order.RejectionReasonMaxLength);

        builder.OwnsMany(order => order.Lines, lines =>
        {
            lines.ToTable("OrderLines", Schema);
            lines.WithOwner().HasForeignKey("OrderId");
            lines.HasKey("OrderId", nameof(OrderLine.ProductId));
            lines.Property(line => line.Sku).HasMaxLength(Order.LineSkuMaxLength).IsRequired();
            lines.Property(line => line.Name).HasMaxLength(Order.LineNameMaxLength).IsRequired();
            lines.Property(line => line.UnitPrice).HasPrecision(AmountPrecision, AmountScale);
        });
        builder.Navigation(order => order.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        // A customer's list, newest first, seeks on this index whatever the status filter.
        builder.HasIndex(order => new { order.CustomerId, order.CreatedAt, order.Id });
    }
}
