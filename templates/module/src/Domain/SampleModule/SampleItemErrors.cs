using Enterprise.Domain.Common;

namespace Enterprise.Domain.SampleModule;

/// <summary>Each SampleItem rule, named, with the error a caller sees when it is broken.</summary>
public static class SampleItemErrors
{
    public const string NameField = "name";

    public static readonly Error NameRequired =
        Error.Validation("SampleItem.Name.Required", "The name is required.", NameField);

    public static readonly Error NameTooLong =
        Error.Validation("SampleItem.Name.TooLong", $"The name must be at most {SampleItem.NameMaxLength} characters long.", NameField);

    public static readonly Error NameControlCharacters =
        Error.Validation("SampleItem.Name.ControlCharacters", "The name must not contain control characters.", NameField);

    public static Error NotFound(Guid id) =>
        Error.NotFound("SampleItem.NotFound", $"SampleItem '{id}' was not found.");
}
