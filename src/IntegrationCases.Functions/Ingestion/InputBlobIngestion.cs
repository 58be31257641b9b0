using IntegrationCases.Functions.Recompute;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Ingestion;

/// <summary>
/// What the blob trigger does with one input file: ingest it, write the curated Parquet (accepted) or the raw
/// copy with its error reports (rejected), then ask for a recompute. Idempotent by content: the curated file
/// of the same content has the same bytes and is not rewritten, a report is replaced by an equal one, and the
/// extra recompute requests of a re-delivery coalesce (or are skipped by the inputs hash).
/// </summary>
public sealed class InputBlobIngestion(PipelineStorage storage, RecomputeQueue recompute, ILogger<InputBlobIngestion> logger)
{
    public async Task<IngestionOutcome> RunAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);

        // Buffer once: the ingestor reads the bytes, and a rejected file is kept exactly as it came.
        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), $"blob-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var outcome = await Ingestor.IngestAsync(path, buffer, null, cancellationToken);
        RecomputeLog.Ingested(logger, outcome.Path, outcome.Kind, outcome.ContentHash, outcome.Accepted, outcome.ErrorCount, outcome.Warnings.Count);

        var rejectedPath = WithinArea(IngestionReport.RejectedPath(outcome.Path));
        if (outcome is { Accepted: true, Curated: { } curated })
        {
            using var parquet = new MemoryStream();
            await CuratedParquet.WriteAsync(curated, parquet, cancellationToken);
            var curatedPath = WithinArea(CuratedParquet.CuratedPath(outcome.Path));
            var existing = await storage.TryReadAsync(StorageArea.Curated, curatedPath, cancellationToken);
            if (existing is null || !existing.AsSpan().SequenceEqual(parquet.GetBuffer().AsSpan(0, (int)parquet.Length)))
            {
                await storage.WriteAsync(StorageArea.Curated, curatedPath, parquet.GetBuffer().AsMemory(0, (int)parquet.Length), cancellationToken);
            }

            // An earlier, rejected version of the same path is history now.
            foreach (var stale in new[] { rejectedPath, rejectedPath + ".errors.json", rejectedPath + ".errors.txt" })
            {
                await storage.DeleteAsync(StorageArea.Rejected, stale, cancellationToken);
            }
        }
        else
        {
            buffer.Position = 0;
            var raw = new byte[buffer.Length];
            await buffer.ReadExactlyAsync(raw, cancellationToken);
            await storage.WriteAsync(StorageArea.Rejected, rejectedPath, raw, cancellationToken);
            await storage.WriteAsync(StorageArea.Rejected, rejectedPath + ".errors.json", IngestionReport.ToJson(outcome), cancellationToken);
            await storage.WriteAsync(StorageArea.Rejected, rejectedPath + ".errors.txt", System.Text.Encoding.UTF8.GetBytes(IngestionReport.ToText(outcome)), cancellationToken);
        }

        // Accepted or not, the inputs changed: a rejected new version replaces an accepted old one in the next run.
        await recompute.RequestAsync($"{outcome.Path} sha256:{outcome.ContentHash}", cancellationToken);
        return outcome;
    }

    /// <summary>The ingestion helpers name paths from the root ('curated/…', 'rejected/…'); storage wants them inside the area.</summary>
    private static string WithinArea(string rootPath) => rootPath[(rootPath.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
