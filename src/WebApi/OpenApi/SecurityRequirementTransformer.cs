using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// States on every operation whether it needs the bearer token, from the authorization policy that applies to it: a
/// policy that turns anonymous callers away requires the token (writes, Ordering's reads, and Catalog's reads once
/// anonymous reads are switched off); one that lets them in takes the token or none (<c>security: [{}, {Bearer: []}]</c>).
/// </summary>
internal sealed class SecurityRequirementTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());
        var anonymous = new OpenApiSecurityRequirement();
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocuments.BearerScheme, context.Document)] = [] };
        operation.Security = policy?.Requirements.OfType<DenyAnonymousAuthorizationRequirement>().Any() == true
            ? [bearer]
            : [anonymous, bearer];
    }
}
