using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Idempotency;

/// <summary>Bad <c>Idempotency</c> settings stop the application's start with one line naming the setting, as an operator sees it.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class IdempotencySettingsTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"process-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("Idempotency__Expiry", "00:00:00", "Idempotency:Expiry (environment Idempotency__Expiry) is 00:00:00; it must be a positive duration")]
    [TestCase("Idempotency__InProgressLease", "00:00:20", "Idempotency:InProgressLease (environment Idempotency__InProgressLease) must be longer than RequestTimeouts:Default")]
    public async Task A_bad_setting_stops_the_start_with_one_clear_message(string variable, string value, string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Enterprise"] = $"Data Source={Path.Combine(_directory, "enterprise.db")}",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            [variable] = value,
        };
        foreach (var (key, setting) in TestTokens.Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = setting!;
        }

        using var app = ApplicationProcess.Start(environment);
        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain(message));
            Assert.That(app.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }
}
