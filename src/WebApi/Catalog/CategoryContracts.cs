namespace Enterprise.WebApi.Catalog;

/// <summary>A category, the same in every API version.</summary>
public sealed record CategoryResponse(Guid Id, string Name, string Slug);

public sealed record CategoryCreateRequest
{
    public required string Name { get; init; }
}
