using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Replaces everything a caller controls on a SampleItem (PUT).</summary>
[RequiresScope(SampleModulePermissions.WriteScope)]
public sealed record ReplaceSampleItemCommand(Guid SampleItemId, string Name)
    : ICommand<Result<SampleItemDto>>, ISampleItemNameCommand, IHasResourceId, IConditionalWrite
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => SampleItemId;
}

internal sealed class ReplaceSampleItemHandler(ISampleItemRepository sampleItems, TimeProvider clock)
    : ICommandHandler<ReplaceSampleItemCommand, Result<SampleItemDto>>
{
    public async ValueTask<Result<SampleItemDto>> Handle(ReplaceSampleItemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await sampleItems.FindForWriteAsync(command, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var replaced = found.Value.Replace(command.Name, clock.GetUtcNow());
        return replaced.IsSuccess ? found.Value.ToDto() : replaced.Error;
    }
}
