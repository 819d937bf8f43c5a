using Asp.Versioning;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Versioning;

/// <summary>
/// Deprecation of API versions from configuration (<see cref="ApiVersioningSettings"/>), carried out by Asp.Versioning:
/// its deprecation and sunset policies write <c>Deprecation</c>, <c>Sunset</c> and <c>Link</c> wherever the versions
/// are reported (<see cref="ApiVersionReportingMiddleware"/>), and the version metadata lists the version as
/// deprecated for <c>api-deprecated-versions</c> and the API Explorer.
/// </summary>
public static class ApiVersioningSetup
{
    /// <summary>The API Explorer group name, and so the OpenAPI document name, of a version: <c>v1</c>, <c>v2</c>, <c>v2.1</c>.</summary>
    public const string GroupNameFormat = "'v'VVV";

    /// <summary>Where this API serves the migration notes (docs/versioning.md), which the default deprecation links point at.</summary>
    public const string MigrationNotesPath = "/docs/versioning.md";

    private const string MigrationNotesResource = "Enterprise.WebApi.docs.versioning.md";

    public static IServiceCollection AddApiDeprecations(this IServiceCollection services)
    {
        services.AddOptions<ApiVersioningSettings>().BindConfiguration(ApiVersioningSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiVersioningSettings>, ApiVersioningSettingsValidator>();
        services.AddSingleton<ApiVersionDeprecations>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApplicationModelProvider, ConfiguredDeprecationModelProvider>());
        services.AddOptions<ApiVersioningOptions>().Configure<ApiVersionDeprecations>(AddPolicies);
        return services;
    }

    /// <summary>The migration notes as Markdown, embedded at build so the link works wherever the API runs.</summary>
    public static IEndpointRouteBuilder MapMigrationNotes(this IEndpointRouteBuilder endpoints)
    {
        var notes = ReadMigrationNotes();
        endpoints.MapGet(MigrationNotesPath, () => Results.Text(notes, "text/markdown; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static void AddPolicies(ApiVersioningOptions options, ApiVersionDeprecations deprecations)
    {
        foreach (var deprecation in deprecations.All)
        {
            var deprecationPolicy = options.Policies.Deprecate(deprecation.Version).Effective(deprecation.Date);
            if (deprecation.Link is { } link)
            {
                deprecationPolicy.Link(LinkTarget(link)).Type(deprecation.LinkType);
            }

            if (deprecation.Sunset is { } sunset)
            {
                var sunsetPolicy = options.Policies.Sunset(deprecation.Version).Effective(sunset);
                if (deprecation.Link is { } sunsetLink)
                {
                    sunsetPolicy.Link(LinkTarget(sunsetLink)).Type(deprecation.LinkType);
                }
            }
        }
    }

    /// <summary>
    /// Asp.Versioning's <c>LinkHeaderValue</c> writes a relative target with a '/' in front, so "/docs/x" would go out as
    /// "//docs/x", a link to a host named docs; it is handed over without its leading '/'. Pinned by the header tests.
    /// </summary>
    private static Uri LinkTarget(Uri link) =>
        link.IsAbsoluteUri ? link : new Uri(link.OriginalString.TrimStart('/'), UriKind.Relative);

    private static string ReadMigrationNotes()
    {
        using var stream = typeof(ApiVersioningSetup).Assembly.GetManifestResourceStream(MigrationNotesResource)
            ?? throw new InvalidOperationException($"The resource {MigrationNotesResource} (docs/versioning.md) is not embedded in {typeof(ApiVersioningSetup).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
