using System.Security.Claims;
using Enterprise.Application.Common.Security;

namespace Enterprise.WebApi.Security;

/// <summary>The application's <see cref="ICurrentUser"/> for an HTTP request: the principal the bearer token produced.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? User => httpContextAccessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public string? Subject => IsAuthenticated ? User?.FindFirst(TokenClaims.Subject)?.Value : null;

    public IReadOnlySet<string> Scopes => IsAuthenticated ? TokenClaims.Scopes(User) : [];

    public IReadOnlySet<string> Roles => IsAuthenticated ? TokenClaims.Roles(User) : [];
}
