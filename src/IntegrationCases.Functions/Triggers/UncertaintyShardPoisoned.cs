using Azure.Storage.Queues.Models;
using IntegrationCases.Functions.Recompute;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Triggers;

/// <summary>
/// A shard the host gave up on (moved to the poison queue after host.json's maxDequeueCount attempts): reported
/// as a Critical log event (EventId 5112, alert on it), then dropped, as a poisoned recompute request is.
/// </summary>
public sealed class UncertaintyShardPoisoned(UncertaintyShardHandler handler)
{
    public const string QueueName = UncertaintyShardOnMessage.QueueName + "-poison";

    [Function(nameof(UncertaintyShardPoisoned))]
    public void Run([QueueTrigger(QueueName, Connection = FunctionSettings.StorageConnection)] QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        handler.ReportPoisoned(message.Body?.ToString() ?? string.Empty, message.DequeueCount, message.InsertedOn);
    }
}
