using Enterprise.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products", CatalogSchema.Name);
        builder.HasKey(product => product.Id);
        builder.Property(product => product.Id).ValueGeneratedNever();

        builder.Property(product => product.Sku).HasMaxLength(Sku.MaxLength).IsRequired();
        builder.HasIndex(product => product.Sku).IsUnique();
        builder.Property(product => product.Name).HasMaxLength(Product.NameMaxLength).IsRequired();
        builder.Property<string>(ProductNameFolding.NormalizedName).HasMaxLength(Product.NameMaxLength).IsRequired();
        builder.Property(product => product.Description).HasMaxLength(Product.DescriptionMaxLength);
        builder.ComplexProperty(product => product.Price, price =>
        {
            price.Property(money => money.Amount).HasColumnName("Price").HasPrecision(Money.MaxPrecision, Money.MaxDecimalPlaces);
            price.Property(money => money.Currency).HasColumnName("Currency").HasMaxLength(CurrencyCodes.Length).IsFixedLength().IsRequired();
        });
        builder.Property(product => product.Status).HasConversion<string>().HasMaxLength(16);

        builder.HasOne<Category>().WithMany().HasForeignKey(product => product.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(product => new { product.CategoryId, product.Status });
        builder.HasIndex(nameof(Product.Status), ProductNameFolding.NormalizedName);
    }
}
