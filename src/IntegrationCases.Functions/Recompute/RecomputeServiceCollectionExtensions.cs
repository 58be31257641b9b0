using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using System.Globalization;
using IntegrationCases.Functions.Ingestion;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Sql;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Functions.Recompute;

/// <summary>The services of the blob trigger and the recompute queue (Azure Storage only: Azurite or an account).</summary>
public static class RecomputeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RecomputeOptions"/> (section <c>Recompute</c>, validated at start-up) and registers the
    /// lock, the queue and the coordinator. Storage must be an Azure account (Storage__BlobServiceUri and
    /// Storage__QueueServiceUri with the managed identity) or Azurite (Storage__ConnectionString).
    /// </summary>
    public static IServiceCollection AddIntegrationCasesRecompute(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RecomputeOptions>()
            .BindConfiguration(RecomputeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SqlOptions>().BindConfiguration(SqlOptions.SectionName);
        services.AddOptions<StorageOptions>()
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString) || (o.BlobServiceUri is not null && o.QueueServiceUri is not null),
                "The Functions app needs Azure Storage: set Storage__BlobServiceUri and Storage__QueueServiceUri (managed identity), or Storage__ConnectionString (Azurite).");
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new RecomputeQueue(QueueService(o).GetQueueClient(o.RecomputeQueue), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RecomputeQueue>>());
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new UncertaintyShardQueue(QueueService(o).GetQueueClient(o.UncertaintyQueue), sp.GetRequiredService<ILogger<UncertaintyShardQueue>>());
        });
        services.TryAddSingleton<UncertaintyShardHandler>();
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var service = !string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new BlobServiceClient(o.ConnectionString)
                : new BlobServiceClient(o.BlobServiceUri!, new DefaultAzureCredential());
            return new RecomputeLock(service.GetBlobContainerClient(o.MartContainer), sp.GetRequiredService<IOptions<RecomputeOptions>>().Value);
        });
        services.TryAddSingleton<RecomputeCoordinator>();
        services.TryAddSingleton<IngestedFileWriter>();
        services.TryAddSingleton<InputBlobIngestion>();
        services.TryAddSingleton<RecomputeRunner>(sp => async cancellationToken =>
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            var sqlConnection = sp.GetRequiredService<IOptions<SqlOptions>>().Value.ConnectionString;
            var sql = string.IsNullOrWhiteSpace(sqlConnection)
                ? null
                : new MartSqlLoader(sqlConnection, PipelineResilience.Sql(sp.GetRequiredService<IOptions<ResilienceOptions>>().Value, clock));
            var run = new RecomputeRun(sp.GetRequiredService<PipelineStorage>(), clock, sp.GetRequiredService<ILogger<RecomputeRun>>(), sql);
            var recompute = sp.GetRequiredService<IOptions<RecomputeOptions>>().Value;
            var options = new RecomputeRunOptions
            {
                UncertaintyDraws = recompute.UncertaintyDraws,
                UncertaintyFanOut = recompute.UncertaintyDraws >= recompute.UncertaintyFanOutFromDraws ? sp.GetRequiredService<UncertaintyShardQueue>().SendAsync : null,
            };
            var summary = await run.RunAsync(options, null, cancellationToken);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{summary.Status} run {summary.RunId} (inputs {summary.InputsHash[..12]}): {summary.InputsAccepted} inputs accepted, {summary.Rejected.Count} rejected, {summary.CasesComputed} cases, SQL {(summary.SqlLoaded ? "loaded" : "not configured")}, {summary.Duration.TotalSeconds:0.0} s");
        });
        return services;
    }

    /// <summary>The data account's queues: Azurite by connection string, or the account with the managed identity.</summary>
    private static QueueServiceClient QueueService(StorageOptions o)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return !string.IsNullOrWhiteSpace(o.ConnectionString)
            ? new QueueServiceClient(o.ConnectionString, queueOptions)
            : new QueueServiceClient(o.QueueServiceUri!, new DefaultAzureCredential(), queueOptions);
    }
}
