using System.Reflection;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Checks the current user against what the message declares (<see cref="RequiresScopeAttribute"/>,
/// <see cref="RequiresRoleAttribute"/>) before it is validated or handled. Every command needs an
/// authenticated user; a query needs one only when anonymous reads are off.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser, AuthorizationSettings settings)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    private static readonly string[] RequiredScopes =
        [.. typeof(TMessage).GetCustomAttributes<RequiresScopeAttribute>().Select(attribute => attribute.Scope)];

    private static readonly string[] RequiredRoles =
        [.. typeof(TMessage).GetCustomAttributes<RequiresRoleAttribute>().Select(attribute => attribute.Role)];

    private static readonly bool IsCommand = typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Check() is { } error
            ? ValueTask.FromResult(TResponse.Failure(error))
            : next(message, cancellationToken);
    }

    private Error? Check()
    {
        var needsUser = IsCommand || RequiredScopes.Length > 0 || RequiredRoles.Length > 0 || !settings.AllowAnonymousReads;
        if (!needsUser)
        {
            return null;
        }

        if (!currentUser.IsAuthenticated)
        {
            return AuthorizationErrors.Unauthenticated;
        }

        if (RequiredScopes.FirstOrDefault(scope => !currentUser.Scopes.Contains(scope)) is { } missingScope)
        {
            return AuthorizationErrors.MissingScope(missingScope);
        }

        return RequiredRoles.FirstOrDefault(role => !currentUser.Roles.Contains(role)) is { } missingRole
            ? AuthorizationErrors.MissingRole(missingRole)
            : null;
    }
}
