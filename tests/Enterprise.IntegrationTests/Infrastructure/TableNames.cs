using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>Table names for raw SQL in tests, as the provider under test spells them (with the module's schema where it has one).</summary>
internal static class TableNames
{
    /// <summary>The quoted, schema-qualified name of the table <typeparamref name="TEntity"/> is stored in.</summary>
    public static string TableOf<TEntity>(this DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>Drops the table of <typeparamref name="TEntity"/>: a genuine failure inside the database for every later query of it.</summary>
    public static Task<int> DropTableOfAsync<TEntity>(this DbContext db)
    {
        // The name comes from the model, not from input.
        var drop = "DROP TABLE " + db.TableOf<TEntity>();
        return db.Database.ExecuteSqlRawAsync(drop);
    }
}
