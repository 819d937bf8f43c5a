using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>The longest key the IETF draft's implementations accept, and this API too.</summary>
    public const int KeyMaxLength = 255;

    /// <summary>A SHA-256 in hex.</summary>
    public const int HashLength = 64;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        // The key is unique per caller: inserting a second claim for it fails, which is what makes claiming atomic.
        builder.HasKey(record => new { record.ScopeHash, record.Key });
        builder.Property(record => record.ScopeHash).HasMaxLength(HashLength).IsUnicode(false);
        builder.Property(record => record.Key).HasMaxLength(KeyMaxLength).IsUnicode(false);
        builder.Property(record => record.RequestFingerprint).HasMaxLength(HashLength).IsUnicode(false);
        builder.HasIndex(record => record.ExpiresAt);
    }
}
