using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using IntegrationCases.Pipeline.Resilience;
using Polly;

namespace IntegrationCases.Pipeline.Storage;

/// <summary>
/// The pipeline's storage, by area and path: a local folder (the default) or Azure Blob Storage. Every call
/// goes through the storage resilience pipeline. Each write is atomic per file (a reader sees the old or the
/// new content, never a part); publishing a whole run atomically is the recompute run's job (docs/mart.md).
/// </summary>
public abstract class PipelineStorage
{
    protected PipelineStorage(StorageOptions options, ResiliencePipeline pipeline)
    {
        Options = options;
        Pipeline = pipeline;
    }

    public StorageOptions Options { get; }

    protected ResiliencePipeline Pipeline { get; }

    /// <summary>A human-readable description of where the data lives (for logs and the CLI summary).</summary>
    public abstract string Location { get; }

    /// <summary>
    /// Opens the store the options name: Azurite or a connection string when <see cref="StorageOptions.ConnectionString"/>
    /// is set, the blob endpoint with <paramref name="credential"/> (default: DefaultAzureCredential, i.e. the managed
    /// identity) when <see cref="StorageOptions.BlobServiceUri"/> is set, else the local folder.
    /// </summary>
    public static PipelineStorage Create(StorageOptions options, ResiliencePipeline? pipeline = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        pipeline ??= PipelineResilience.Storage(new ResilienceOptions());
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new AzureBlobStorage(options, new BlobServiceClient(options.ConnectionString), pipeline);
        }

        if (options.BlobServiceUri is not null)
        {
            return new AzureBlobStorage(options, new BlobServiceClient(options.BlobServiceUri, credential ?? new DefaultAzureCredential()), pipeline);
        }

        if (string.IsNullOrWhiteSpace(options.LocalRoot))
        {
            throw new InvalidOperationException("Storage: set LocalRoot, BlobServiceUri or ConnectionString.");
        }

        return new LocalFolderStorage(options, pipeline);
    }

    /// <summary>The folder or container name of an area.</summary>
    public string AreaName(StorageArea area) => area switch
    {
        StorageArea.Inputs => Options.InputsContainer,
        StorageArea.Curated => Options.CuratedContainer,
        StorageArea.Rejected => Options.RejectedContainer,
        StorageArea.Mart => Options.MartContainer,
        StorageArea.Extracts => Options.ExtractsContainer,
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown storage area."),
    };

    /// <summary>The content, or null when there is no such file.</summary>
    public ValueTask<byte[]?> TryReadAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        var normalised = StoragePath.Normalise(path);
        return Pipeline.ExecuteAsync(ct => ReadCoreAsync(area, normalised, ct), cancellationToken);
    }

    /// <summary>The content; throws <see cref="FileNotFoundException"/> naming the area and path when missing.</summary>
    public async ValueTask<byte[]> ReadAsync(StorageArea area, string path, CancellationToken cancellationToken) =>
        await TryReadAsync(area, path, cancellationToken).ConfigureAwait(false)
        ?? throw new FileNotFoundException($"No file '{path}' in storage area {AreaName(area)}.", path);

    /// <summary>Writes (or replaces) a file in one step: readers see the old content or the new, never a part.</summary>
    public ValueTask WriteAsync(StorageArea area, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var normalised = StoragePath.Normalise(path);
        return Pipeline.ExecuteAsync(ct => WriteCoreAsync(area, normalised, content, ct), cancellationToken);
    }

    /// <summary>Every file under <paramref name="prefix"/> (the whole area when empty), ordered by path (ordinal).</summary>
    public async ValueTask<IReadOnlyList<StoredItem>> ListAsync(StorageArea area, string? prefix, CancellationToken cancellationToken)
    {
        var normalised = StoragePath.NormalisePrefix(prefix);
        var items = await Pipeline.ExecuteAsync(ct => ListCoreAsync(area, normalised, ct), cancellationToken).ConfigureAwait(false);
        return [.. items.OrderBy(i => i.Path, StringComparer.Ordinal)];
    }

    public ValueTask<bool> ExistsAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        var normalised = StoragePath.Normalise(path);
        return Pipeline.ExecuteAsync(ct => ExistsCoreAsync(area, normalised, ct), cancellationToken);
    }

    /// <summary>Deletes a file; false when there was none.</summary>
    public ValueTask<bool> DeleteAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        var normalised = StoragePath.Normalise(path);
        return Pipeline.ExecuteAsync(ct => DeleteCoreAsync(area, normalised, ct), cancellationToken);
    }

    protected abstract ValueTask<byte[]?> ReadCoreAsync(StorageArea area, string path, CancellationToken cancellationToken);

    protected abstract ValueTask WriteCoreAsync(StorageArea area, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    protected abstract ValueTask<IReadOnlyList<StoredItem>> ListCoreAsync(StorageArea area, string prefix, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> ExistsCoreAsync(StorageArea area, string path, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> DeleteCoreAsync(StorageArea area, string path, CancellationToken cancellationToken);
}
