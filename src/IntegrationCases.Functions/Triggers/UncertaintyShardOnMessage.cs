using IntegrationCases.Functions.Recompute;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Triggers;

/// <summary>
/// One municipality's uncertainty of a fanned-out run (docs/uncertainty.md 'Fan-out'). On Flex Consumption the
/// queue's length scales the app out; host.json's batchSize 1 gives each instance one shard at a time. A failure
/// throws, so the host retries and finally moves the message to <c>uncertainty-shards-poison</c>.
/// </summary>
public sealed class UncertaintyShardOnMessage(UncertaintyShardHandler handler)
{
    public const string QueueName = "uncertainty-shards";

    [Function(nameof(UncertaintyShardOnMessage))]
    public Task Run(
        [QueueTrigger(QueueName, Connection = FunctionSettings.StorageConnection)] string message,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
