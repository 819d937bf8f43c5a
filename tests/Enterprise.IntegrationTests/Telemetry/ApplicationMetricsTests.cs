using System.Net;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.RateLimiting;

namespace Enterprise.IntegrationTests.Telemetry;

/// <summary>
/// The application's own meters as a metrics pipeline sees them, through real requests into a real database: the
/// mediator's handler durations, the rate limiter's refusals and the outbox backlog.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ApplicationMetricsTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const int ReadBudget = 2;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        // A small read budget that does not refill during the run; the other tests here only write.
        ["RateLimiting:Reads:TokenLimit"] = ReadBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Reads:TokensPerPeriod"] = "1",
        ["RateLimiting:Reads:ReplenishmentPeriod"] = "01:00:00",
        ["Messaging:BacklogSampleInterval"] = "00:00:00.100",
    });

    [Test]
    public async Task A_handled_command_records_its_duration_with_the_message_type_and_outcome()
    {
        using var measurements = new HostMeasurements(Factory.Services, MediatorMetrics.DurationName);

        await CreateCategoryAsync();

        var recorded = measurements.Of(MediatorMetrics.DurationName);
        Assert.That(recorded, Has.Some.Matches<HostMeasurements.Measured>(measured =>
            Equals(measured.Tag(MediatorMetrics.MessageTag), "CreateCategoryCommand") &&
            Equals(measured.Tag(MediatorMetrics.OutcomeTag), MediatorMetrics.Handled) &&
            measured.Value is > 0 and < 30));
    }

    [Test]
    public async Task A_request_refused_for_its_budget_is_counted_once_under_its_policy()
    {
        using var measurements = new HostMeasurements(Factory.Services, RateLimitMetrics.RejectionsName);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ReadBudget; i++)
        {
            using var response = await Client.GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        var rejections = measurements.Of(RateLimitMetrics.RejectionsName);
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            Assert.That(rejections.Select(rejection => (rejection.Value, rejection.Tag(RateLimitMetrics.PolicyTag))), Is.EqualTo(new[] { (1d, (object?)RateLimitPolicies.ReadsName) }));
        });
    }

    [Test]
    public async Task The_outbox_gauges_report_the_pending_rows_and_the_age_of_the_oldest()
    {
        using var measurements = new HostMeasurements(Factory.Services, MessagingTelemetry.OutboxBacklogName, MessagingTelemetry.OutboxOldestAgeName);
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        // Not due for a day, so the relay leaves them pending: the backlog an outage of the broker would leave.
        await Factory.QueryDatabaseAsync(db =>
        {
            db.AddRange(Enumerable.Range(0, 3).Select(i => new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                EventName = "test.backlog",
                Payload = "{}",
                OccurredAt = anHourAgo.AddMinutes(i),
                NextAttemptAt = DateTime.UtcNow.AddDays(1),
            }));
            return db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow + SettleTimeout;
        while (measurements.Of(MessagingTelemetry.OutboxBacklogName) is not [.., { Value: 3 }])
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the sampler counts the backlog within the timeout");
            await Task.Delay(100);
        }

        var age = measurements.Of(MessagingTelemetry.OutboxOldestAgeName)[^1].Value;
        Assert.That(age, Is.InRange(3600, 3600 + SettleTimeout.TotalSeconds + 60), "seconds since the oldest pending row");
    }
}
