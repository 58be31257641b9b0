using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// One message of a fanned-out run: computes the municipality's uncertainty against the prices and facts the run
/// staged, stages its rows under the run, and, when every municipality's rows are staged, asks for the run again
/// (a recompute request), which then publishes them with the run. A failure throws, so the queue retries the
/// message and finally moves it to the poison queue (<see cref="ReportPoisoned"/>). Handling the same message
/// twice writes the same rows twice; a second request for the run is coalesced or finds the run published.
/// </summary>
public sealed class UncertaintyShardHandler(PipelineStorage storage, RecomputeQueue recompute, ILogger<UncertaintyShardHandler> logger)
{
    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var shard = UncertaintyShard.TryParse(messageText)
            ?? throw new InvalidDataException($"Not an uncertainty shard: {(messageText.Length > 200 ? messageText[..200] : messageText)}");
        var staged = await new UncertaintyStaging(storage).EvaluateAsync(shard, cancellationToken);
        var municipalities = MunicipalityRegister.Default.All.Count;
        RecomputeLog.ShardStaged(logger, shard.RunId, shard.MunicipalityCode, shard.Draws, staged, municipalities);
        if (staged >= municipalities)
        {
            await recompute.RequestAsync($"uncertainty of run {shard.RunId} staged for all {municipalities} municipalities", cancellationToken);
        }
    }

    /// <summary>Reports a shard the queue gave up on: Critical, so that an alert fires, as for a poisoned recompute request.</summary>
    public void ReportPoisoned(string messageText, long dequeueCount, DateTimeOffset? insertedOn)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        RecomputeLog.ShardPoisoned(logger, dequeueCount, insertedOn, messageText.Length > 500 ? messageText[..500] : messageText);
    }
}
