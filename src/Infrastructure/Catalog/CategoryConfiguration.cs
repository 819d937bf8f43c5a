using Enterprise.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories", CatalogSchema.Name);
        builder.HasKey(category => category.Id);
        builder.Property(category => category.Id).ValueGeneratedNever();

        builder.Property(category => category.Name).HasMaxLength(Category.NameMaxLength).IsRequired();
        // A slug is never longer than the name it is derived from.
        builder.Property(category => category.Slug).HasMaxLength(Category.NameMaxLength).IsRequired();

        // Unique among live categories only, so a deleted category's name can be used again.
        builder.HasIndex(category => category.Slug).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
    }
}
