using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Platform;

[CoversEndpoint("GET", "health/live")]
[CoversEndpoint("HEAD", "health/live")]
[CoversEndpoint("GET", "health/ready")]
[CoversEndpoint("HEAD", "health/ready")]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class HealthTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_report_healthy_when_the_database_is_reachable(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = await response.ReadJsonAsync();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Probes_answer_HEAD_and_refuse_writes(string path)
    {
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var post = await Client.PostAsync(path, content: null);

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await post.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task Readiness_checks_the_database_and_liveness_checks_nothing()
    {
        var ready = await (await Client.GetAsync("/health/ready")).ReadJsonAsync();
        var live = await (await Client.GetAsync("/health/live")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "database", "shutdown" }));
            Assert.That(live.GetProperty("checks").GetArrayLength(), Is.Zero);
        });
    }
}

/// <summary>The database file cannot be opened: the process is alive but not ready.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class HealthWithUnreachableDatabaseTests(DatabaseUnderTest database) : ApiFixture(database)
{
    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["ConnectionStrings:Enterprise"] = $"Data Source={Path.Combine(Path.GetTempPath(), "enterprise-tests", "missing-" + Guid.NewGuid().ToString("N"), "nested", "enterprise.db")};Mode=ReadWrite",
        ["Database:MigrateOnStartup"] = "false",
    });

    [Test]
    public async Task Readiness_answers_503_while_liveness_still_answers_200()
    {
        using var ready = await Client.GetAsync("/health/ready");
        using var live = await Client.GetAsync("/health/live");

        var readiness = await ready.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(readiness.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
