using Asp.Versioning;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Enterprise.WebApi.Versioning;

/// <summary>
/// Marks the configured versions deprecated in the version metadata of every action that serves them, so that
/// <c>api-deprecated-versions</c> and the API Explorer's <c>IsDeprecated</c> see it. Runs after Asp.Versioning's own
/// model provider has built that metadata from the <c>[ApiVersion]</c> attributes: its conventions
/// (<c>HasDeprecatedApiVersion</c>) cannot do this, because a version an attribute declares supported and a convention
/// declares deprecated is merged into "supported".
/// </summary>
internal sealed class ConfiguredDeprecationModelProvider(ApiVersionDeprecations deprecations) : IApplicationModelProvider
{
    /// <summary>After <c>ApiVersioningApplicationModelProvider</c> (order 0).</summary>
    public int Order => 100;

    public void OnProvidersExecuting(ApplicationModelProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deprecated = deprecations.All.Select(deprecation => deprecation.Version).ToHashSet();
        if (deprecated.Count == 0)
        {
            return;
        }

        foreach (var selector in context.Result.Controllers.SelectMany(controller => controller.Actions).SelectMany(action => action.Selectors))
        {
            var metadata = selector.EndpointMetadata;
            for (var index = 0; index < metadata.Count; index++)
            {
                // Neutral and unversioned metadata are left alone: Asp.Versioning recognises them by reference.
                if (metadata[index] is ApiVersionMetadata { IsApiVersionNeutral: false } versions &&
                    versions.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).SupportedApiVersions.Any(deprecated.Contains))
                {
                    var (apiModel, endpointModel, name) = versions;
                    metadata[index] = new ApiVersionMetadata(Deprecate(apiModel, deprecated), Deprecate(endpointModel, deprecated), name);
                }
            }
        }
    }

    public void OnProvidersExecuted(ApplicationModelProviderContext context)
    {
    }

    private static ApiVersionModel Deprecate(ApiVersionModel model, HashSet<ApiVersion> deprecated) => new(
        declaredVersions: model.DeclaredApiVersions,
        supportedVersions: model.SupportedApiVersions.Where(version => !deprecated.Contains(version)),
        deprecatedVersions: model.DeprecatedApiVersions.Concat(model.SupportedApiVersions.Where(deprecated.Contains)),
        advertisedVersions: [],
        deprecatedAdvertisedVersions: []);
}
