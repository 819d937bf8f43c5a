using Enterprise.WebApi.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Documents <c>Idempotency-Key</c> on the operations that honour it (<see cref="IdempotentRequestMetadata"/>), with the
/// <c>Idempotent-Replayed</c> header of a replayed success and the <c>Retry-After</c> of a 409 for a key in use. The 409
/// and 422 responses themselves are declared by <see cref="IdempotentPostConvention"/>.
/// </summary>
internal sealed class IdempotencyKeyOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentRequestMetadata>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: a unique value per intended operation (a UUID, for example), 1 to 255 printable ASCII " +
                "characters, bare or as a quoted string. The same request with the same key gets the first response again " +
                "(with Idempotent-Replayed: true) and runs nothing; the key used for a different request is 422 " +
                "(Idempotency.KeyReused); while the first request still runs, 409 (Idempotency.RequestInProgress) with " +
                "Retry-After; a malformed key is 400 (Idempotency.KeyInvalid). Keys are kept per caller for 24 hours by default.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength },
        });

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse documented)
            {
                continue;
            }

            if (status.StartsWith('2'))
            {
                AddHeader(documented, IdempotencyKeyMiddleware.ReplayedHeader, "\"true\" when this is the stored response of an earlier request with the same Idempotency-Key.");
            }
            else if (status == "409")
            {
                AddHeader(documented, "Retry-After", "With Idempotency.RequestInProgress: seconds to wait before sending the request again.");
            }
        }

        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}
