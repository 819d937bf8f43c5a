using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Messaging.Inbox;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public const int ConsumerNameMaxLength = 300;

    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages", MessagingSchema.Name);
        // Unique per message and consumer: of two concurrent deliveries only one can commit.
        builder.HasKey(message => new { message.MessageId, message.ConsumerName });
        builder.Property(message => message.ConsumerName).HasMaxLength(ConsumerNameMaxLength).IsUnicode(false);
        // The retention sweep deletes by age.
        builder.HasIndex(message => message.ProcessedAt);
    }
}
