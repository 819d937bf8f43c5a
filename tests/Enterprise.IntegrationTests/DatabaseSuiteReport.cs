using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests;

/// <summary>
/// Puts the reason a database suite is skipped where a plain <c>dotnet test</c> shows it: the name of a
/// skipped entry in the run's output. No entry exists when every suite runs.
/// </summary>
public sealed class DatabaseSuiteReport
{
    public static IEnumerable<TestCaseData> SkippedSuites()
    {
        if (TestServers.PostgresConnectionString is null && !TestServers.IsCi)
        {
            var reason = $"PostgreSQL suite skipped: {TestServers.PostgresMissingReason}";
            yield return new TestCaseData(reason).SetName(reason).Ignore(reason);
        }
    }

    [TestCaseSource(nameof(SkippedSuites))]
    public void Database_suite(string reason) => Assert.Inconclusive(reason);
}
