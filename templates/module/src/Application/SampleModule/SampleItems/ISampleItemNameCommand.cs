using Enterprise.Application.Common.Validation;
using Enterprise.Domain.SampleModule;
using FluentValidation;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>A command that sets a SampleItem's name: one validator checks it for every such command.</summary>
public interface ISampleItemNameCommand
{
    string Name { get; }
}

internal sealed class SampleItemNameValidator : AbstractValidator<ISampleItemNameCommand>
{
    public SampleItemNameValidator(TimeProvider clock) =>
        RuleFor(command => command.Name).SatisfiesDomainRule(name => SampleItem.Create(name, clock.GetUtcNow()));
}
