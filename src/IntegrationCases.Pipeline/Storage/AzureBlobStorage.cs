using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Polly;

namespace IntegrationCases.Pipeline.Storage;

/// <summary>
/// Storage in Azure Blob Storage: one container per area, the path as the blob name. A block blob upload
/// commits in one step, so readers see the old blob or the new one. Containers are created on first write.
/// </summary>
public sealed class AzureBlobStorage : PipelineStorage
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<StorageArea, Lazy<Task<BlobContainerClient>>> _containers = new();

    public AzureBlobStorage(StorageOptions options, BlobServiceClient service, ResiliencePipeline pipeline)
        : base(options, pipeline)
    {
        _service = service;
    }

    public override string Location => _service.Uri.ToString();

    protected override async ValueTask<byte[]?> ReadCoreAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Container(area).GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    protected override async ValueTask WriteCoreAsync(StorageArea area, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var container = await EnsureContainerAsync(area, cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(path)
            .UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
    }

    protected override async ValueTask<IReadOnlyList<StoredItem>> ListCoreAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var items = new List<StoredItem>();
        try
        {
            await foreach (var blob in Container(area)
                .GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken)
                .ConfigureAwait(false))
            {
                items.Add(new StoredItem(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.ETag?.ToString()));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container does not exist yet: the area is empty.
        }

        return items;
    }

    protected override async ValueTask<bool> ExistsCoreAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await Container(area).GetBlobClient(path).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    protected override async ValueTask<bool> DeleteCoreAsync(StorageArea area, string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await Container(area).GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private BlobContainerClient Container(StorageArea area) => _service.GetBlobContainerClient(AreaName(area));

    private async Task<BlobContainerClient> EnsureContainerAsync(StorageArea area, CancellationToken cancellationToken)
    {
        var lazy = _containers.GetOrAdd(area, a => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var container = Container(a);
            await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return container;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed creation must not be cached: the next attempt (a retry) tries again.
            _containers.TryRemove(new KeyValuePair<StorageArea, Lazy<Task<BlobContainerClient>>>(area, lazy));
            throw;
        }
    }
}
