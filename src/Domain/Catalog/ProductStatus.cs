namespace Enterprise.Domain.Catalog;

public enum ProductStatus
{
    Active,

    /// <summary>Withdrawn from sale: hidden from lists and lookups, kept for history.</summary>
    Archived,
}
