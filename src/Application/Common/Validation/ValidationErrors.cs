using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.Validation;

/// <summary>Input that broke one or more rules, listed per field (camelCase, as the caller sent it).</summary>
public sealed record ValidationErrors(IReadOnlyDictionary<string, string[]> Errors)
    : Error("Validation.Failed", "One or more fields are invalid.", ErrorKind.Validation);
