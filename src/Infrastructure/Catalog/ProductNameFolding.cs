using Enterprise.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enterprise.Infrastructure.Catalog;

/// <summary>
/// Keeps a products' <see cref="NormalizedName"/> column: the name upper-cased by .NET's full Unicode
/// rules. Databases fold case differently (SQLite's LIKE and upper() only know ASCII), so search and
/// name ordering compare this column instead, and behave the same on every provider.
/// </summary>
internal sealed class ProductNameFolding : SaveChangesInterceptor
{
    public const string NormalizedName = nameof(NormalizedName);

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToUpperInvariant();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? dbContext)
    {
        foreach (var entry in dbContext?.ChangeTracker.Entries<Product>() ?? [])
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property<string>(NormalizedName).CurrentValue = Fold(entry.Entity.Name);
            }
        }
    }
}
