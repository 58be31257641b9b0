using Azure.Storage.Queues.Models;
using IntegrationCases.Functions.Recompute;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Triggers;

/// <summary>
/// A request the host gave up on (moved to the poison queue after host.json's maxDequeueCount attempts):
/// reported as a Critical log event (EventId 5107, alert on it), then dropped; the next ingested file asks again.
/// </summary>
public sealed class RecomputePoisoned(RecomputeCoordinator coordinator)
{
    public const string QueueName = RecomputeOnRequest.QueueName + "-poison";

    [Function(nameof(RecomputePoisoned))]
    public void Run([QueueTrigger(QueueName, Connection = FunctionSettings.StorageConnection)] QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        coordinator.ReportPoisoned(message.Body?.ToString() ?? string.Empty, message.DequeueCount, message.InsertedOn);
    }
}
