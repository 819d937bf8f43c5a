namespace Enterprise.Domain.Common;

/// <summary>The kinds of expected failure; the API layer maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,

    /// <summary>The caller is not authenticated.</summary>
    Unauthorized,

    /// <summary>The caller is authenticated but lacks a scope or role the use case needs.</summary>
    Forbidden,

    /// <summary>The caller made the change conditional on a version of the aggregate that is not the current one.</summary>
    PreconditionFailed,

    /// <summary>
    /// The input is well-formed but names something the use case cannot act on (an unknown or withdrawn product in an
    /// order): well-formed input, unlike <see cref="Validation"/>.
    /// </summary>
    Unprocessable,
}

/// <summary>
/// An expected failure, returned as a value. <paramref name="Code"/> is stable and machine-readable
/// (for example <c>Product.Sku.Duplicate</c>); <paramref name="Field"/> names the input member at fault, when one is.
/// </summary>
public record Error(string Code, string Description, ErrorKind Kind, string? Field = null)
{
    public static Error Validation(string code, string description, string? field = null) =>
        new(code, description, ErrorKind.Validation, field);

    public static Error NotFound(string code, string description) =>
        new(code, description, ErrorKind.NotFound);

    public static Error Conflict(string code, string description) =>
        new(code, description, ErrorKind.Conflict);

    public static Error Unauthorized(string code, string description) =>
        new(code, description, ErrorKind.Unauthorized);

    public static Error Forbidden(string code, string description) =>
        new(code, description, ErrorKind.Forbidden);

    public static Error PreconditionFailed(string code, string description) =>
        new(code, description, ErrorKind.PreconditionFailed);

    public static Error Unprocessable(string code, string description, string? field = null) =>
        new(code, description, ErrorKind.Unprocessable, field);
}
