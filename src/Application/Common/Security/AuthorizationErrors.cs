using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.Security;

public static class AuthorizationErrors
{
    public const string UnauthenticatedCode = "Auth.Unauthenticated";
    public const string ForbiddenCode = "Auth.Forbidden";

    public static Error Unauthenticated { get; } =
        Error.Unauthorized(UnauthenticatedCode, "Send a valid bearer token in the Authorization header.");

    public static Error MissingScope(string scope) =>
        Error.Forbidden(ForbiddenCode, $"The token does not grant the scope '{scope}'.");

    public static Error MissingRole(string role) =>
        Error.Forbidden(ForbiddenCode, $"The user does not have the role '{role}'.");
}
