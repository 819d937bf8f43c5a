using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Removes the component schemas that nothing in the document refers to. The generator registers the schema of every
/// body an action binds, also of one a transformer then replaces (the raw JSON of a merge patch, replaced by
/// <see cref="ConditionalWriteTransformer"/>), which would otherwise stay behind unused.
/// </summary>
internal sealed class UnusedSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        // A schema that only an unused one refers to is unused too: repeat until every schema left is referred to.
        while (true)
        {
            var references = new SchemaReferences();
            new OpenApiWalker(references).Walk(document);
            var unused = schemas.Keys.Where(id => !references.Ids.Contains(id)).ToList();
            if (unused.Count == 0)
            {
                return Task.CompletedTask;
            }

            unused.ForEach(id => schemas.Remove(id));
        }
    }

    private sealed class SchemaReferences : OpenApiVisitorBase
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public override void Visit(IOpenApiReferenceHolder referenceHolder)
        {
            if (referenceHolder is OpenApiSchemaReference { Reference.Id: { } id })
            {
                Ids.Add(id);
            }
        }
    }
}
