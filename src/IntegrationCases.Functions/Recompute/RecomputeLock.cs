using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace IntegrationCases.Functions.Recompute;

/// <summary>
/// The app-wide recompute lock: a lease on a small blob in the mart container. Its metadata also records when
/// the last successful run started (<c>coveredUtc</c>), which is what later requests are compared with.
/// </summary>
public sealed class RecomputeLock(BlobContainerClient martContainer, RecomputeOptions options)
{
    private const string CoveredKey = "coveredutc";

    private BlobClient Blob => martContainer.GetBlobClient(options.LockBlob);

    /// <summary>When the last successful run started, or null before the first.</summary>
    public async Task<DateTimeOffset?> CoveredUntilAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(CoveredKey, out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var covered)
                ? covered
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The lease, or null when another run holds it.</summary>
    public async Task<Held?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        await martContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await Blob.UploadAsync(BinaryData.FromString("recompute lock"), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists already (possibly leased): fine.
        }

        var lease = Blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(options.LeaseDuration, cancellationToken: cancellationToken);
            return new Held(this, lease);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>A held lease: renew it while working, record success, release it at the end.</summary>
    public sealed class Held(RecomputeLock owner, BlobLeaseClient lease) : IAsyncDisposable
    {
        public Task RenewAsync(CancellationToken cancellationToken) => lease.RenewAsync(cancellationToken: cancellationToken);

        public async Task RecordCoveredAsync(DateTimeOffset startedUtc, CancellationToken cancellationToken)
        {
            var blob = owner.Blob;
            var properties = await blob.GetPropertiesAsync(new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken);
            var metadata = new Dictionary<string, string>(properties.Value.Metadata, StringComparer.OrdinalIgnoreCase)
            {
                [CoveredKey] = startedUtc.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
            };
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lost or expired already: the lease frees itself.
            }
        }
    }
}
