namespace Enterprise.Application.Common.Security;

/// <summary>The message may only be sent by a user whose token grants this scope; checked by <c>AuthorizationBehavior</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiresScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
