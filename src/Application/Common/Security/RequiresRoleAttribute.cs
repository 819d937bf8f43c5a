namespace Enterprise.Application.Common.Security;

/// <summary>The message may only be sent by a user in this role; checked by <c>AuthorizationBehavior</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiresRoleAttribute(string role) : Attribute
{
    public string Role { get; } = role;
}
