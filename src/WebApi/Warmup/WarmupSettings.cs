namespace Enterprise.WebApi.Warmup;

/// <summary>The <c>Warmup</c> configuration section: the hot reads sent through the server before it reports ready.</summary>
public sealed class WarmupSettings
{
    public const string SectionName = "Warmup";

    /// <summary>Whether to warm up before readiness; off unless set.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many times each hot read is sent: enough calls for tiered compilation to promote its methods.</summary>
    public int Iterations { get; set; } = 60;

    /// <summary>The longest the warm-up may hold readiness back; after it the instance reports ready regardless.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
