namespace Enterprise.Application.Common.Security;

/// <summary>The <c>Authorization</c> configuration section: what callers may do without a token.</summary>
public sealed class AuthorizationSettings
{
    public const string SectionName = "Authorization";

    /// <summary>Queries may be sent by anonymous callers; commands always need an authenticated user.</summary>
    public bool AllowAnonymousReads { get; set; } = true;
}
