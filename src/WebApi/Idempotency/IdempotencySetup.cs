using Enterprise.Application.Common.Idempotency;
using Enterprise.WebApi.Hardening;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Idempotency;

internal static class IdempotencySetup
{
    /// <summary>Marks every POST action as honouring <c>Idempotency-Key</c>; the key store itself comes from Infrastructure.</summary>
    public static IServiceCollection AddIdempotentPosts(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options => options.Conventions.Add(new IdempotentPostConvention()));
        // A lease that can end while its request still runs would let a retry run the command a second time.
        services.AddOptions<IdempotencySettings>().Validate<IConfiguration>(
            (settings, configuration) => settings.InProgressLease > configuration.GetValue(HardeningSetup.RequestTimeoutSetting, HardeningSetup.DefaultRequestTimeout),
            $"{IdempotencySettings.SectionName}:{nameof(IdempotencySettings.InProgressLease)} (environment {IdempotencySettings.SectionName}__{nameof(IdempotencySettings.InProgressLease)}) " +
            $"must be longer than {HardeningSetup.RequestTimeoutSetting}, the longest a request may run.");
        return services;
    }

    /// <summary>
    /// After rate limiting, authentication and authorization, so the caller (the keys' scope) is known and allowed, and
    /// refused requests never touch a key; inside the request timeout, so a timed-out command releases its key.
    /// </summary>
    public static WebApplication UseIdempotentPosts(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyKeyMiddleware>();
        return app;
    }
}
