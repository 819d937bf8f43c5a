using Enterprise.Application;
using Enterprise.Infrastructure;
using Enterprise.WebApi;
using Enterprise.WebApi.Logging;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddStructuredLogging();
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddWebApi();

    var app = builder.Build();
    app.UseWebApi();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    // Logging may not be configured yet (a bad setting is the usual cause), so say it plainly on stderr.
    await Console.Error.WriteLineAsync($"Enterprise failed to start: {exception.Message}");
    return 1;
}
