using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// Writes a run folder and publishes it. The run folder <c>mart/runs/&lt;runId&gt;/</c> is written in full first
/// (manifest last) and never changed after. Publishing copies it to <c>mart/latest/</c> and its extracts to
/// <c>extracts/&lt;kode&gt;/</c>, each file replaced in one step, and writes <c>mart/latest/manifest.json</c>
/// last: the manifest is the commit mark. If publishing fails, the previous run's folder is published again,
/// so latest/ returns to the previous run (docs/mart.md, 'Publishing').
/// </summary>
public sealed class MartPublisher(PipelineStorage storage, int parallelism)
{
    private const string ExtractsPrefix = "extracts/";

    public async Task WriteRunFolderAsync(string runId, IReadOnlyDictionary<string, byte[]> files, byte[] manifest, CancellationToken cancellationToken)
    {
        var folder = MartPaths.RunFolder(runId);
        await ForEachAsync(files, (f, ct) => storage.WriteAsync(StorageArea.Mart, $"{folder}/{f.Key}", f.Value, ct), cancellationToken).ConfigureAwait(false);
        await storage.WriteAsync(StorageArea.Mart, $"{folder}/{MartPaths.ManifestFile}", manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The manifest of the published run, or null before the first run (or when it cannot be read).</summary>
    public async Task<RunManifest?> LatestManifestAsync(CancellationToken cancellationToken)
    {
        var bytes = await storage.TryReadAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.ManifestFile}", cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return RunManifest.FromJson(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // A damaged manifest: the next run republishes.
        }
    }

    /// <summary>Publishes <paramref name="runId"/>'s folder as latest; on failure restores <paramref name="previous"/> and rethrows.</summary>
    public async Task PublishAsync(string runId, IReadOnlyDictionary<string, byte[]> files, byte[] manifest, RunManifest? previous, CancellationToken cancellationToken)
    {
        try
        {
            await PublishFilesAsync(files, manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (previous is not null && previous.RunId != runId)
        {
            // Best effort, and not cancellable: put the previous run back before the failure surfaces.
            try
            {
                await RepublishAsync(previous.RunId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception restore) when (restore is not OperationCanceledException)
            {
                // The previous manifest still marks latest/; the next run republishes in full.
            }

            throw;
        }
    }

    /// <summary>Publishes an existing run folder again (the restore path, and a repair after a crash).</summary>
    public async Task RepublishAsync(string runId, CancellationToken cancellationToken)
    {
        var folder = MartPaths.RunFolder(runId) + "/";
        var items = await storage.ListAsync(StorageArea.Mart, folder, cancellationToken).ConfigureAwait(false);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[]? manifest = null;
        foreach (var item in items)
        {
            var relative = item.Path[folder.Length..];
            var content = await storage.ReadAsync(StorageArea.Mart, item.Path, cancellationToken).ConfigureAwait(false);
            if (relative == MartPaths.ManifestFile)
            {
                manifest = content;
            }
            else
            {
                files[relative] = content;
            }
        }

        if (manifest is null)
        {
            throw new InvalidOperationException($"Run folder {folder} has no manifest; it cannot be published.");
        }

        await PublishFilesAsync(files, manifest, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishFilesAsync(IReadOnlyDictionary<string, byte[]> files, byte[] manifest, CancellationToken cancellationToken)
    {
        await ForEachAsync(files, (f, ct) => f.Key.StartsWith(ExtractsPrefix, StringComparison.Ordinal)
            ? storage.WriteAsync(StorageArea.Extracts, f.Key[ExtractsPrefix.Length..], f.Value, ct)
            : storage.WriteAsync(StorageArea.Mart, $"{MartPaths.Latest}/{f.Key}", f.Value, ct), cancellationToken).ConfigureAwait(false);
        await storage.WriteAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.ManifestFile}", manifest, cancellationToken).ConfigureAwait(false);
    }

    private Task ForEachAsync(
        IReadOnlyDictionary<string, byte[]> files, Func<KeyValuePair<string, byte[]>, CancellationToken, ValueTask> write, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            files.OrderBy(f => f.Key, StringComparer.Ordinal),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            (f, ct) => write(f, ct));
}
