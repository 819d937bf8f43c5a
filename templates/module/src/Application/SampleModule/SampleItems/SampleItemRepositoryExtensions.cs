using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Common;
using Enterprise.Domain.SampleModule;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>How every command that changes an existing SampleItem loads it.</summary>
internal static class SampleItemRepositoryExtensions
{
    /// <summary>
    /// The SampleItem the command names, tracked for the write, when it meets the write's condition
    /// (<see cref="VersionPrecondition"/>); otherwise not found, then precondition failed, in that order.
    /// </summary>
    public static async Task<Result<SampleItem>> FindForWriteAsync<TCommand>(
        this ISampleItemRepository sampleItems,
        TCommand command,
        CancellationToken cancellationToken)
        where TCommand : IHasResourceId, IConditionalWrite
    {
        ArgumentNullException.ThrowIfNull(command);
        var sampleItem = await sampleItems.FindAsync(command.ResourceId, cancellationToken);
        if (sampleItem is null)
        {
            return SampleItemErrors.NotFound(command.ResourceId);
        }

        return VersionPrecondition.Check(sampleItem, command.ExpectedVersions) is { } stale ? stale : sampleItem;
    }
}
