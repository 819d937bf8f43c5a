using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.SampleModule;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Creates a SampleItem.</summary>
[RequiresScope(SampleModulePermissions.WriteScope)]
public sealed record CreateSampleItemCommand(string Name) : ICommand<Result<SampleItemDto>>, ISampleItemNameCommand;

internal sealed class CreateSampleItemHandler(ISampleItemRepository sampleItems, TimeProvider clock)
    : ICommandHandler<CreateSampleItemCommand, Result<SampleItemDto>>
{
    public ValueTask<Result<SampleItemDto>> Handle(CreateSampleItemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var created = SampleItem.Create(command.Name, clock.GetUtcNow());
        if (!created.IsSuccess)
        {
            return ValueTask.FromResult<Result<SampleItemDto>>(created.Error);
        }

        sampleItems.Add(created.Value);
        return ValueTask.FromResult<Result<SampleItemDto>>(created.Value.ToDto());
    }
}
