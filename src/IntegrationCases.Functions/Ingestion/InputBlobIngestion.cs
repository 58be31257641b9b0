using IntegrationCases.Functions.Recompute;
using IntegrationCases.Pipeline.Ingestion;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Functions.Ingestion;

/// <summary>
/// What the blob trigger does with one input file: ingest it, keep the curated Parquet (accepted) or the raw
/// copy with its error reports (rejected) through the writer the recompute run uses too, then ask for a
/// recompute. Idempotent by content: the curated file of the same content is not rewritten, a report is
/// replaced by an equal one, and the extra recompute requests of a re-delivery coalesce (or are skipped by the
/// inputs hash).
/// </summary>
public sealed class InputBlobIngestion(IngestedFileWriter files, RecomputeQueue recompute, ILogger<InputBlobIngestion> logger)
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

        buffer.Position = 0;
        await files.KeepAsync(outcome, buffer, cancellationToken);

        // Accepted or not, the inputs changed: a rejected new version replaces an accepted old one in the next run.
        await recompute.RequestAsync($"{outcome.Path} sha256:{outcome.ContentHash}", cancellationToken);
        return outcome;
    }
}
