using Enterprise.Application.Common.Security;

namespace Enterprise.Benchmarks;

/// <summary>The caller of the HTTP benchmark's reads: no token, so no subject, scopes or roles.</summary>
internal sealed class AnonymousCaller : ICurrentUser
{
    public bool IsAuthenticated => false;

    public string? Subject => null;

    public IReadOnlySet<string> Scopes { get; } = new HashSet<string>();

    public IReadOnlySet<string> Roles { get; } = new HashSet<string>();
}
