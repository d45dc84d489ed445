using System.Globalization;
using System.Threading.RateLimiting;
using LowCode.Api.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace LowCode.Api.Hosting;

/// <summary>
/// Per-principal rate limits on <c>/graphql</c> (ASP.NET Core rate limiting, a token bucket per caller id):
/// <c>LowCode:RateLimit:PermitsPerSecond</c> (default 200) refilled every <c>LowCode:RateLimit:PeriodSeconds</c>
/// (default 1), bursts up to <c>LowCode:RateLimit:Burst</c> (default twice the permits); 0 permits turns limiting off. A refused request gets 429 with
/// <c>Retry-After</c> and one <c>RATE_LIMITED</c> error saying when to retry.
/// </summary>
/// <remarks>
/// The buckets live in each Api process, so with N nodes behind a load balancer a caller may get up to N times the
/// limit; docs/api.md ("Rate limits") says why that is kept rather than a shared limiter, and how to set the figure.
/// </remarks>
internal static class RateLimiting
{
    public const string Policy = "per-principal";
    public const string Code = "RATE_LIMITED";

    public static IServiceCollection AddLowCodeRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue("LowCode:RateLimit:PermitsPerSecond", 200);
            var burst = Math.Max(permits, configuration.GetValue("LowCode:RateLimit:Burst", permits * 2));
            var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("LowCode:RateLimit:PeriodSeconds", 1)));
            options.AddPolicy(Policy, http =>
            {
                if (permits <= 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var caller = ApiPrincipal.From(http.User)?.Id ?? "anonymous:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var who = ApiPrincipal.From(context.HttpContext.User)?.Id ?? "this caller";
                await GraphQLIdentity.WriteErrorAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    Code,
                    $"Too many requests from {who}: the limit is {permits} per {period.TotalSeconds:0} s on each Api node (bursts of {burst}). Retry after {seconds} s (the Retry-After header), or ask an operator to raise LowCode:RateLimit:PermitsPerSecond.",
                    new Dictionary<string, object?>
                    {
                        ["retryAfterSeconds"] = seconds,
                        ["limit"] = permits,
                        ["periodSeconds"] = (int)period.TotalSeconds,
                        ["burst"] = burst,
                    }).ConfigureAwait(false);
            };
        });
        return services;
    }
}
