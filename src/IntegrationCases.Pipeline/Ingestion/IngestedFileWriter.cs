using System.Text;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The one writer of <c>curated/</c> and <c>rejected/</c>, shared by the recompute run and the blob trigger.
/// An accepted file gets its curated Parquet (not rewritten when the stored bytes are the same, so a re-delivery
/// keeps its ETag) and loses the reports of an earlier, rejected version of the same path. A rejected file is
/// kept exactly as it came, beside its error reports (row, column, value, message).
/// </summary>
public sealed class IngestedFileWriter(PipelineStorage storage)
{
    /// <summary>Keeps what the ingestion of one input decided: its curated Parquet, or the raw file and its reports.</summary>
    /// <param name="raw">The file as it came, positioned at its start; read only when the file was rejected.</param>
    public async Task KeepAsync(IngestionOutcome outcome, Stream raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(raw);
        var rejected = WithinArea(IngestionReport.RejectedPath(outcome.Path));
        if (outcome is { Accepted: true, Curated: { } curated })
        {
            using var parquet = new MemoryStream();
            await CuratedParquet.WriteAsync(curated, parquet, cancellationToken).ConfigureAwait(false);
            var bytes = parquet.GetBuffer().AsMemory(0, (int)parquet.Length);
            var path = WithinArea(CuratedParquet.CuratedPath(outcome.Path));
            var existing = await storage.TryReadAsync(StorageArea.Curated, path, cancellationToken).ConfigureAwait(false);
            if (existing is null || !existing.AsSpan().SequenceEqual(bytes.Span))
            {
                await storage.WriteAsync(StorageArea.Curated, path, bytes, cancellationToken).ConfigureAwait(false);
            }

            foreach (var stale in new[] { rejected, WithinArea(IngestionReport.ErrorsJsonPath(outcome.Path)), WithinArea(IngestionReport.SummaryTextPath(outcome.Path)) })
            {
                await storage.DeleteAsync(StorageArea.Rejected, stale, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (!outcome.Accepted)
        {
            using var copy = new MemoryStream();
            await raw.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            await storage.WriteAsync(StorageArea.Rejected, rejected, copy.GetBuffer().AsMemory(0, (int)copy.Length), cancellationToken).ConfigureAwait(false);
            await storage.WriteAsync(StorageArea.Rejected, WithinArea(IngestionReport.ErrorsJsonPath(outcome.Path)), IngestionReport.ToJson(outcome), cancellationToken).ConfigureAwait(false);
            await storage.WriteAsync(StorageArea.Rejected, WithinArea(IngestionReport.SummaryTextPath(outcome.Path)), Encoding.UTF8.GetBytes(IngestionReport.ToText(outcome)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The ingestion helpers name paths from the root ('curated/…', 'rejected/…'); storage wants them inside the area.</summary>
    private static string WithinArea(string rootPath) => rootPath[(rootPath.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
