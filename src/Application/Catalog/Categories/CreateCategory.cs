using Enterprise.Application.Common.Security;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Categories;

[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record CreateCategoryCommand(string Name) : ICommand<Result<CategoryDto>>;

internal sealed class CreateCategoryValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryValidator(TimeProvider clock) =>
        RuleFor(command => command.Name).SatisfiesDomainRule(name => Category.Create(name, clock.GetUtcNow()));
}

internal sealed class CreateCategoryHandler(ICategoryRepository categories, TimeProvider clock)
    : ICommandHandler<CreateCategoryCommand, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        var created = Category.Create(command.Name, clock.GetUtcNow());
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        var category = created.Value;
        if (await categories.SlugExistsAsync(category.Slug, cancellationToken))
        {
            return CategoryErrors.DuplicateName(category.Name);
        }

        categories.Add(category);
        return category.ToDto();
    }
}
