using System.Globalization;
using Enterprise.WebApi.Versioning;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Carries a version's deprecation into its OpenAPI document, so generated clients and the reference UI warn before the
/// headers do: every operation the API Explorer reports as deprecated is <c>deprecated: true</c>, and the document's
/// description gives the dates and the migration notes from configuration. Runs after <see cref="ApiDocuments"/> has
/// written the description.
/// </summary>
internal sealed class DeprecationTransformer(ApiVersionDeprecations deprecations) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (deprecations.ForDocument(context.DocumentName) is { } deprecation && document.Info is { } info)
        {
            info.Description = $"{Announcement(deprecation)}\n\n{info.Description}";
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.IsDeprecated)
        {
            operation.Deprecated = true;
        }

        return Task.CompletedTask;
    }

    private static string Announcement(ApiVersionDeprecation deprecation)
    {
        var version = ApiVersionDeprecations.DocumentName(deprecation.Version);
        var text = $"**Deprecated** since {Day(deprecation.Date)}.";
        if (deprecation.Sunset is { } sunset)
        {
            text += $" Sunset {Day(sunset)}: {version} may be withdrawn from then on.";
        }

        return deprecation.Link is { } link ? $"{text} Migration notes: [{link}]({link})." : text;
    }

    private static string Day(DateTimeOffset date) =>
        date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
