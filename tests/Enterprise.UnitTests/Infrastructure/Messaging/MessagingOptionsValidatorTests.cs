using Enterprise.Infrastructure.Messaging;

namespace Enterprise.UnitTests.Infrastructure.Messaging;

public sealed class MessagingOptionsValidatorTests
{
    private readonly MessagingOptionsValidator _validator = new([MessagingTransports.InProcess]);

    [Test]
    public void The_defaults_are_valid() => Assert.That(_validator.Validate(null, new MessagingOptions()).Succeeded, Is.True);

    [Test]
    public void Each_bad_setting_is_named_with_its_environment_variable()
    {
        var result = _validator.Validate(null, new MessagingOptions
        {
            Transport = "Carrier pigeon",
            MaxAttempts = 0,
            ConsumerAttempts = -1,
            BatchSize = 0,
            PollInterval = TimeSpan.Zero,
            RetryBaseDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
            RetainProcessedFor = TimeSpan.Zero,
            RetentionSweepInterval = TimeSpan.FromSeconds(-1),
        });

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Messaging:Transport (environment Messaging__Transport) is 'Carrier pigeon'; supported values are InProcess.",
            "Messaging:MaxAttempts (environment Messaging__MaxAttempts) is 0; it must be a positive number such as 10.",
            "Messaging:ConsumerAttempts (environment Messaging__ConsumerAttempts) is -1; it must be a positive number such as 3.",
            "Messaging:BatchSize (environment Messaging__BatchSize) is 0; it must be a positive number such as 50.",
            "Messaging:PollInterval (environment Messaging__PollInterval) is 00:00:00; it must be a positive duration such as 00:00:01.",
            "Messaging:RetryMaxDelay (environment Messaging__RetryMaxDelay) is 00:01:00; it must be at least RetryBaseDelay (00:10:00).",
            "Messaging:RetainProcessedFor (environment Messaging__RetainProcessedFor) is 00:00:00; it must be a positive duration such as 7.00:00:00.",
            "Messaging:RetentionSweepInterval (environment Messaging__RetentionSweepInterval) is -00:00:01; it must be a positive duration such as 01:00:00.",
        }));
    }

    [Test]
    public void The_transport_name_is_not_case_sensitive() =>
        Assert.That(_validator.Validate(null, new MessagingOptions { Transport = "inprocess" }).Succeeded, Is.True);
}
