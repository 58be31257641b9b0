using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Tests.Support;

namespace IntegrationCases.Pipeline.Tests.Support;

/// <summary>Shared helpers: a cancellation token with a deadline, fast resilience settings, fresh Azurite containers.</summary>
internal static class TestContext
{
    private static readonly CancellationTokenSource Deadline = new(TimeSpan.FromMinutes(5));

    public static CancellationToken Ct => Deadline.Token;

    /// <summary>Retries without real waiting, so fault tests stay quick.</summary>
    public static ResilienceOptions FastResilience => new()
    {
        MaxRetryAttempts = 6,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(30),
        BreakerMinimumThroughput = 10_000,
    };

    /// <summary>Blob storage on Azurite with a container per area unique to the caller.</summary>
    public static PipelineStorage AzuriteStorage(AzuriteFixture azurite, Polly.ResiliencePipeline? pipeline = null)
    {
        var prefix = AzuriteFixture.UniqueName("t")[..14];
        var options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            InputsContainer = prefix + "-inputs",
            CuratedContainer = prefix + "-curated",
            RejectedContainer = prefix + "-rejected",
            MartContainer = prefix + "-mart",
            ExtractsContainer = prefix + "-extracts",
        };
        return PipelineStorage.Create(options, pipeline ?? PipelineResilience.Storage(FastResilience));
    }
}
