using Enterprise.Domain.SampleModule;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.SampleModule;

/// <summary>SampleItems in SampleModule's own schema (SQLite has none and ignores it).</summary>
internal sealed class SampleItemConfiguration : IEntityTypeConfiguration<SampleItem>
{
    public const string Schema = "samplemodule";

    public void Configure(EntityTypeBuilder<SampleItem> builder)
    {
        builder.ToTable("SampleItems", Schema);
        builder.HasKey(sampleItem => sampleItem.Id);
        builder.Property(sampleItem => sampleItem.Id).ValueGeneratedNever();
        builder.Property(sampleItem => sampleItem.Name).HasMaxLength(SampleItem.NameMaxLength).IsRequired();

        // The list, oldest first, seeks on this index.
        builder.HasIndex(sampleItem => new { sampleItem.CreatedAt, sampleItem.Id });
    }
}
