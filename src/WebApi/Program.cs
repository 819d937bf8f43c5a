using System.Reflection;
using Enterprise.Application;
using Enterprise.Infrastructure;
using Enterprise.WebApi;
using Enterprise.WebApi.Health;
using Enterprise.WebApi.Logging;
using Enterprise.WebApi.Telemetry;
using Enterprise.WebApi.Warmup;

// `healthcheck`: the container's HEALTHCHECK asks this instance's liveness endpoint and exits, without building a host.
if (args is [ContainerHealthCheck.Command, ..])
{
    return await ContainerHealthCheck.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"), Console.Error);
}

// `migrate`: the deployment step that applies pending migrations for the configured provider, then exits without serving.
var migrateOnly = args is ["migrate", ..];

// Build-time OpenAPI generation (Microsoft.Extensions.ApiDescription.Server) runs this entry point inside
// GetDocument.Insider to write artifacts/openapi/: it starts the host in Development (no authentication settings
// needed) and must neither migrate nor seed a database.
var generatingDocuments = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        EnvironmentName = generatingDocuments ? Environments.Development : null,
    });
    if (generatingDocuments)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:Seed"] = "false",
        });
    }

    builder.AddStructuredLogging();
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddWebApi()
        .AddTelemetry(builder.Configuration)
        .AddWarmup(builder.Configuration);
    if (generatingDocuments)
    {
        // Writing the documents needs none of the application's background work, and the outbox relay and the sweeps
        // would query a database nobody migrated: their logged errors fail the build (a race with the tool's exit).
        var backgroundWork = builder.Services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.Assembly.GetName().Name?.StartsWith("Enterprise.", StringComparison.Ordinal) == true).ToList();
        foreach (var hostedService in backgroundWork)
        {
            builder.Services.Remove(hostedService);
        }
    }

    var app = builder.Build();
    if (migrateOnly)
    {
        await using (app)
        {
            await app.Services.MigrateDatabaseAsync(CancellationToken.None);
        }

        return 0;
    }

    app.UseWebApi();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    // Logging may not be configured yet (a bad setting is the usual cause), so say it plainly on stderr.
    var failure = migrateOnly ? "failed to migrate the database" : "failed to start";
    await Console.Error.WriteLineAsync($"Enterprise {failure}: {exception.Message}");
    return 1;
}
