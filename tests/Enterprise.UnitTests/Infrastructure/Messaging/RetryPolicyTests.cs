using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;

namespace Enterprise.UnitTests.Infrastructure.Messaging;

public sealed class RetryPolicyTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly DateTime Now = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    [TestCase(1, 0.0, 500)]
    [TestCase(1, 0.999, 999)]
    [TestCase(2, 0.0, 1000)]
    [TestCase(3, 0.5, 3000)]
    [TestCase(6, 0.0, 15000)]
    [TestCase(50, 0.999, 29985)]
    public void The_delay_doubles_per_failure_up_to_the_cap_and_keeps_a_random_upper_half(int failures, double random, int expectedMilliseconds) =>
        Assert.That(RetryBackoff.DelayAfter(failures, BaseDelay, MaxDelay, random).TotalMilliseconds, Is.EqualTo(expectedMilliseconds).Within(1));

    [Test]
    public void Jitter_spreads_retries_of_the_same_attempt() =>
        Assert.That(RetryBackoff.DelayAfter(4, BaseDelay, MaxDelay, 0.1), Is.LessThan(RetryBackoff.DelayAfter(4, BaseDelay, MaxDelay, 0.9)));

    [Test]
    public void A_failure_below_the_maximum_attempts_is_retried_after_the_backoff()
    {
        var decision = OutboxRetryDecision.After(attempts: 2, deadLetterNow: false, Now, Options(maxAttempts: 3), random: 0);

        Assert.Multiple(() =>
        {
            Assert.That(decision.DeadLetteredAt, Is.Null);
            Assert.That(decision.NextAttemptAt, Is.EqualTo(Now + TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public void The_failure_that_reaches_the_maximum_attempts_dead_letters_the_row() =>
        Assert.That(OutboxRetryDecision.After(attempts: 3, deadLetterNow: false, Now, Options(maxAttempts: 3), random: 0).DeadLetteredAt, Is.EqualTo(Now));

    [Test]
    public void A_message_a_consumer_gave_up_on_is_dead_lettered_at_its_first_failure() =>
        Assert.That(OutboxRetryDecision.After(attempts: 1, deadLetterNow: true, Now, Options(maxAttempts: 10), random: 0).DeadLetteredAt, Is.EqualTo(Now));

    private static MessagingOptions Options(int maxAttempts) => new() { MaxAttempts = maxAttempts, RetryBaseDelay = BaseDelay, RetryMaxDelay = MaxDelay };
}
