using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Deletes a SampleItem; its row is removed.</summary>
[RequiresScope(SampleModulePermissions.WriteScope)]
public sealed record DeleteSampleItemCommand(Guid SampleItemId) : ICommand<Result>, IHasResourceId, IConditionalWrite
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => SampleItemId;
}

internal sealed class DeleteSampleItemHandler(ISampleItemRepository sampleItems) : ICommandHandler<DeleteSampleItemCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteSampleItemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await sampleItems.FindForWriteAsync(command, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        sampleItems.Remove(found.Value);
        return Result.Success();
    }
}
