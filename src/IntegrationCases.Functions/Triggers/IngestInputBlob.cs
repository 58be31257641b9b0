using IntegrationCases.Functions.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Functions.Triggers;

/// <summary>
/// A file landed under <c>inputs/</c> (Event Grid source, as Flex Consumption requires): ingest it, write curated
/// or rejected output, then ask for a recompute. A re-delivery of the same blob is harmless.
/// </summary>
public sealed class IngestInputBlob(InputBlobIngestion ingestion)
{
    /// <summary>'{path}' takes the whole blob name below the container, sub-folders included (dst/FOLK1A/2025.csv).</summary>
    public const string BlobPath = "inputs/{path}";

    [Function(nameof(IngestInputBlob))]
    public Task Run(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = FunctionSettings.StorageConnection)] Stream blob,
        string path,
        CancellationToken cancellationToken) =>
        ingestion.RunAsync(path, blob, cancellationToken);
}
