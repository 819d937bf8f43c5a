#if (kind == "command")
using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
#endif
using Enterprise.Domain.Common;
using Enterprise.Domain.SampleModule;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

#if (kind == "query")
/// <summary>SampleUseCase: a SampleItem by id, read through <see cref="ISampleItemQueries"/>.</summary>
public sealed record SampleUseCaseQuery(Guid SampleItemId) : IQuery<Result<SampleItemDto>>;

internal sealed class SampleUseCaseValidator : AbstractValidator<SampleUseCaseQuery>
{
    public SampleUseCaseValidator() => RuleFor(query => query.SampleItemId).NotEmpty();
}

internal sealed class SampleUseCaseHandler(ISampleItemQueries queries) : IQueryHandler<SampleUseCaseQuery, Result<SampleItemDto>>
{
    public async ValueTask<Result<SampleItemDto>> Handle(SampleUseCaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await queries.FindAsync(query.SampleItemId, cancellationToken);
        return found is null ? SampleItemErrors.NotFound(query.SampleItemId) : found;
    }
}
#else
/// <summary>
/// SampleUseCase: the SampleItem's <c>SampleDomainMethod</c>, conditional on its version (HTTP <c>If-Match</c>); the unit
/// of work commits the change when the method succeeds, and nothing when it returns an error.
/// </summary>
[RequiresScope(SampleModulePermissions.WriteScope)]
public sealed record SampleUseCaseCommand(Guid SampleItemId) : ICommand<Result<SampleItemDto>>, IHasResourceId, IConditionalWrite
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => SampleItemId;
}

internal sealed class SampleUseCaseValidator : AbstractValidator<SampleUseCaseCommand>
{
    public SampleUseCaseValidator() => RuleFor(command => command.SampleItemId).NotEmpty();
}

internal sealed class SampleUseCaseHandler(ISampleItemRepository sampleItems, TimeProvider clock)
    : ICommandHandler<SampleUseCaseCommand, Result<SampleItemDto>>
{
    public async ValueTask<Result<SampleItemDto>> Handle(SampleUseCaseCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sampleItem = await sampleItems.FindAsync(command.SampleItemId, cancellationToken);
        if (sampleItem is null)
        {
            return SampleItemErrors.NotFound(command.SampleItemId);
        }

        if (VersionPrecondition.Check(sampleItem, command.ExpectedVersions) is { } stale)
        {
            return stale;
        }

        var changed = sampleItem.SampleDomainMethod(clock.GetUtcNow());
        return changed.IsSuccess ? sampleItem.ToDto() : changed.Error;
    }
}
#endif
