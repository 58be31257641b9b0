using Azure.Storage.Queues;
using IntegrationCases.Pipeline.Recompute;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Recompute;

/// <summary>The 'uncertainty shards' queue: one message per municipality of a fanned-out run (base64, as the queue trigger reads them).</summary>
public sealed class UncertaintyShardQueue(QueueClient queue, ILogger<UncertaintyShardQueue> logger)
{
    /// <summary>The run's fan-out (<see cref="RecomputeRunOptions.UncertaintyFanOut"/>).</summary>
    public async Task SendAsync(IReadOnlyList<UncertaintyShard> shards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shards);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var shard in shards)
        {
            await queue.SendMessageAsync(shard.ToJson(), cancellationToken);
        }

        if (shards.Count > 0)
        {
            RecomputeLog.ShardsQueued(logger, shards.Count, shards[0].RunId);
        }
    }
}
