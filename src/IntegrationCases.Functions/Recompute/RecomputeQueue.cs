using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Recompute;

/// <summary>The 'recompute requested' queue (base64 messages, as the Functions queue trigger reads them).</summary>
public sealed class RecomputeQueue(QueueClient queue, TimeProvider clock, ILogger<RecomputeQueue> logger)
{
    /// <summary>Asks for a recompute now, for <paramref name="reason"/> (for example the ingested path).</summary>
    public Task RequestAsync(string reason, CancellationToken cancellationToken)
    {
        RecomputeLog.Requested(logger, reason);
        return SendAsync(new RecomputeRequest(clock.GetUtcNow(), reason), TimeSpan.Zero, cancellationToken);
    }

    public async Task SendAsync(RecomputeRequest request, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(request.ToJson(), visibilityDelay, cancellationToken: cancellationToken);
    }
}
