using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>Each category rule, named, with the error a caller sees when it is broken.</summary>
public static class CategoryErrors
{
    public static readonly Error NameRequired =
        Error.Validation("Category.Name.Required", "The name is required.", "name");

    public static readonly Error NameTooLong =
        Error.Validation("Category.Name.TooLong", $"The name must be at most {Category.NameMaxLength} characters long.", "name");

    public static readonly Error NameControlCharacters =
        Error.Validation("Category.Name.ControlCharacters", "The name must not contain control characters.", "name");

    public static readonly Error NameWithoutLettersOrDigits =
        Error.Validation("Category.Name.NoLettersOrDigits", "The name must contain at least one letter or digit.", "name");

    public static Error NotFound(Guid id) =>
        Error.NotFound("Category.NotFound", $"Category '{id}' was not found.");

    public static Error DuplicateName(string name) =>
        Error.Conflict("Category.Name.Duplicate", $"A category named '{name}' (or one with the same slug) already exists.");

    public static Error InUse(Guid id, int activeProducts) =>
        Error.Conflict("Category.InUse", $"Category '{id}' is used by {activeProducts} active product(s); archive or move them first.");
}
