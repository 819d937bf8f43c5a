using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Messaging.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string TableName = "OutboxMessages";

    /// <summary>Event names are short dotted identifiers (<c>ordering.order-placed</c>).</summary>
    public const int EventNameMaxLength = 200;

    /// <summary>A W3C traceparent is 55 characters; room for a future version's longer form.</summary>
    public const int TraceParentMaxLength = 128;

    public const int LastErrorMaxLength = 2000;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(TableName, MessagingSchema.Name);
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.EventName).HasMaxLength(EventNameMaxLength).IsUnicode(false);
        builder.Property(message => message.TraceParent).HasMaxLength(TraceParentMaxLength).IsUnicode(false);
        builder.Property(message => message.LastError).HasMaxLength(LastErrorMaxLength);

        // The relay's query: pending rows (neither sent nor dead-lettered) in creation order.
        builder.HasIndex(message => new { message.SentAt, message.DeadLetteredAt, message.OccurredAt });
    }
}
