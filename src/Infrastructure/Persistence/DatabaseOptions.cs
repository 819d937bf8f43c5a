using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Enterprise";

    /// <summary>Which database engine to use: one of <see cref="DatabaseProviders.Supported"/>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Apply pending migrations when the application starts (on in Development; deployments migrate explicitly).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Insert the demo categories and products that are missing (idempotent).</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// EF Core's check that no two operations run at once on one DbContext, which turns that bug into an exception. It
    /// costs two async-local writes (and their allocations) per row read, so <c>appsettings.json</c> switches it off for
    /// deployments while Development and the tests keep it on, where a misuse must fail loudly.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; } = true;

    /// <summary>From <c>ConnectionStrings:Enterprise</c> (environment: <c>ConnectionStrings__Enterprise</c>).</summary>
    public string? ConnectionString { get; set; }
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!DatabaseProviders.IsSupported(options.Provider))
        {
            failures.Add($"Database:Provider (environment Database__Provider) is '{options.Provider}'; supported values are {string.Join(", ", DatabaseProviders.Supported)}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} (environment ConnectionStrings__{DatabaseOptions.ConnectionStringName}) is missing.");
        }
        else if (DatabaseProviders.IsSupported(options.Provider) && DatabaseProviders.Get(options.Provider).DescribeConnectionStringProblem(options.ConnectionString) is { } problem)
        {
            failures.Add($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is malformed: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
