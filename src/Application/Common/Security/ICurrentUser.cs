namespace Enterprise.Application.Common.Security;

/// <summary>
/// Who is sending the current message, as the host authenticated them. Use cases see this port only,
/// never the transport (HTTP, a queue, a scheduler), so they are protected whatever calls them.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The token's subject (<c>sub</c>); <see langword="null"/> for an anonymous caller.</summary>
    string? Subject { get; }

    IReadOnlySet<string> Scopes { get; }

    IReadOnlySet<string> Roles { get; }
}
