namespace Enterprise.WebApi.OpenApi;

/// <summary>Descriptions of the OpenAPI tags (one per controller), contributed by each module.</summary>
public sealed class ApiTagDescriptions
{
    public Dictionary<string, string> Descriptions { get; } = new(StringComparer.Ordinal);
}

public static class ApiTagDescriptionsExtensions
{
    public static IServiceCollection AddApiTag(this IServiceCollection services, string tag, string description) =>
        services.Configure<ApiTagDescriptions>(tags => tags.Descriptions[tag] = description);
}
