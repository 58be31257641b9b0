using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationCases.Pipeline.Resilience;

/// <summary>
/// Builds the Polly v8 pipelines: retry with jitter (outermost), circuit breaker, then a timeout per attempt.
/// <paramref name="innermost"/> lets tests add chaos strategies inside, where real faults would occur.
/// </summary>
public static class PipelineResilience
{
    public static ResiliencePipeline Storage(
        ResilienceOptions options, TimeProvider? timeProvider = null, Action<ResiliencePipelineBuilder>? innermost = null) =>
        Build(options, TransientFaults.IsTransientStorage, timeProvider, innermost);

    public static ResiliencePipeline Sql(
        ResilienceOptions options, TimeProvider? timeProvider = null, Action<ResiliencePipelineBuilder>? innermost = null) =>
        Build(options, TransientFaults.IsTransientSql, timeProvider, innermost);

    private static ResiliencePipeline Build(
        ResilienceOptions options, Func<Exception, bool> isTransient, TimeProvider? timeProvider, Action<ResiliencePipelineBuilder>? innermost)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(isTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(isTransient),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        innermost?.Invoke(builder);
        return builder.Build();
    }
}
