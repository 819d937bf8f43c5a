using System.Diagnostics.Metrics;

namespace Enterprise.WebApi.RateLimiting;

/// <summary>
/// Requests refused with 429 (counter <see cref="RejectionsName"/> on the meter <see cref="MeterName"/>), by the
/// policy whose bucket was empty (tag <see cref="PolicyTag"/>: <c>reads</c> or <c>writes</c>). ASP.NET Core's own
/// <c>aspnetcore.rate_limiting.requests</c> counts them too, but cannot tell the policies apart.
/// </summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "Enterprise.RateLimiting";
    public const string RejectionsName = "enterprise.rate_limit.rejections";
    public const string PolicyTag = "policy";

    private readonly Counter<long> _rejections;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _rejections = meterFactory.Create(MeterName)
            .CreateCounter<long>(RejectionsName, unit: "{request}", description: "Requests refused because the caller's budget was used up.");
    }

    public void Rejected(string policy) => _rejections.Add(1, new KeyValuePair<string, object?>(PolicyTag, policy));
}
