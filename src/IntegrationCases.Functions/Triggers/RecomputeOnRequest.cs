using IntegrationCases.Functions.Recompute;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Triggers;

/// <summary>
/// A 'recompute requested' message: one run at a time for the whole app (blob lease plus host.json's
/// batchSize 1), many requests coalesced into one run. A failed run throws, so the host retries and finally
/// moves the message to <c>recompute-requests-poison</c>.
/// </summary>
public sealed class RecomputeOnRequest(RecomputeCoordinator coordinator)
{
    public const string QueueName = "recompute-requests";

    [Function(nameof(RecomputeOnRequest))]
    public Task Run(
        [QueueTrigger(QueueName, Connection = FunctionSettings.StorageConnection)] string message,
        CancellationToken cancellationToken) =>
        coordinator.HandleAsync(message, cancellationToken);
}
