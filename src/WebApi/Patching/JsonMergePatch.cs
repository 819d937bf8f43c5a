using System.Text.Json.Nodes;
using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Enterprise.WebApi.Patching;

/// <summary>JSON Merge Patch (RFC 7396): a partial document whose members replace the target's, and whose nulls remove them.</summary>
public static class JsonMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>The RFC 7396 section 2 algorithm; <paramref name="target"/> is changed in place when both are objects.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            // An object merged into an object is changed in place; anything else is a new node to put there.
            var current = result[name];
            var merged = Apply(current, value);
            if (!ReferenceEquals(merged, current))
            {
                result[name] = merged;
            }
        }

        return result;
    }
}

/// <summary>
/// Accepts only <c>application/merge-patch+json</c> bodies: any other type is 415 with <c>Accept-Patch</c> (RFC 5789),
/// decided by this filter rather than by routing so the response still belongs to the versioned endpoint.
/// </summary>
/// <param name="documentType">The write document the patch applies to, for the API documents.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsMergePatchAttribute(Type documentType) : Attribute, IResourceFilter
{
    public Type DocumentType { get; } = documentType;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals(JsonMergePatch.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            context.HttpContext.Response.Headers["Accept-Patch"] = JsonMergePatch.MediaType;
            context.Result = ProblemFactory.Create(
                context.HttpContext,
                StatusCodes.Status415UnsupportedMediaType,
                "Request.UnsupportedMediaType",
                $"Send the patch as {JsonMergePatch.MediaType} (RFC 7396).").ToActionResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
