using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationCases.Pipeline.Http;

/// <summary>
/// What the API reads from storage: the evaluation context of the latest run (parameters and municipality
/// facts), the municipalities' results and their extracts. The context is read once and reused for
/// <see cref="ApiOptions.ContextRefreshInterval"/>; one request re-reads it while the others keep the old one,
/// and a failed re-read keeps the old one, so a publishing run never stalls or breaks evaluation.
/// </summary>
public sealed class ApiDataSource(PipelineStorage storage, IOptions<ApiOptions> options, TimeProvider clock, ILogger<ApiDataSource> logger)
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    public PipelineStorage Storage => storage;

    public async ValueTask<EvaluationContext> EvaluationContextAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedUtc < options.Value.ContextRefreshInterval)
        {
            return current.Context;
        }

        if (current is not null)
        {
            // Stale: one caller re-reads, the others go on with the old context.
            if (!_reload.Wait(0))
            {
                return current.Context;
            }
        }
        else
        {
            await _reload.WaitAsync(cancellationToken);
        }

        try
        {
            if (_snapshot is { } fresh && !ReferenceEquals(fresh, current))
            {
                return fresh.Context;
            }

            try
            {
                var loaded = await LoadAsync(current, cancellationToken);
                _snapshot = loaded;
                return loaded.Context;
            }
            catch (Exception e) when (current is not null && e is not OperationCanceledException)
            {
                ApiLog.ContextReloadFailed(logger, e);
                _snapshot = current with { LoadedUtc = clock.GetUtcNow() };
                return current.Context;
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>The id of the run a context was loaded from (null before the first run, or for a context no longer current).</summary>
    public string? RunIdOf(EvaluationContext context) =>
        _snapshot is { } s && ReferenceEquals(s.Context, context) ? s.RunId : null;

    /// <summary>The municipality's results of the latest run as JSON, or null before the first run.</summary>
    public async ValueTask<byte[]?> MunicipalityResultsAsync(Municipality municipality, CancellationToken cancellationToken) =>
        await storage.TryReadAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.ResultsFile(municipality.Code)}", cancellationToken);

    /// <summary>The municipality's extract ('xlsx' or 'csv'), or null before the first run.</summary>
    public async ValueTask<byte[]?> ExtractAsync(Municipality municipality, string format, CancellationToken cancellationToken) =>
        await storage.TryReadAsync(
            StorageArea.Extracts,
            MartPaths.Extract(municipality.Code, format == "xlsx" ? MartPaths.ExtractXlsxFile : MartPaths.ExtractCsvFile),
            cancellationToken);

    /// <summary>
    /// The context of the latest published run: its municipality facts, and the parameter store with the
    /// run's accepted unit-price inputs applied in the run's order (so an evaluation prices as the run did).
    /// Before the first run: the built-in parameters and no facts.
    /// </summary>
    private async Task<Snapshot> LoadAsync(Snapshot? current, CancellationToken cancellationToken)
    {
        var manifestBytes = await storage.TryReadAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.ManifestFile}", cancellationToken);
        var manifest = manifestBytes is null ? null : RunManifest.FromJson(manifestBytes);
        var defaultStart = NextBudgetYear();
        if (current is not null && current.RunId == manifest?.RunId)
        {
            return current with
            {
                Context = current.Context.DefaultStartDate == defaultStart ? current.Context : current.Context with { DefaultStartDate = defaultStart },
                LoadedUtc = clock.GetUtcNow(),
            };
        }

        IReadOnlyDictionary<string, MunicipalityFacts>? facts = null;
        var parameters = ParameterStore.Default;
        if (manifest is not null)
        {
            var factsBytes = await storage.TryReadAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.MunicipalityFactsFile}", cancellationToken);
            facts = factsBytes is null ? null : MunicipalityFactsJson.Parse(factsBytes);
            parameters = await RunParameters.LoadAsync(storage, manifest, cancellationToken);

            if (parameters.ContentHash != manifest.ParameterSet)
            {
                ApiLog.ParameterSetDiffers(logger, manifest.RunId, manifest.ParameterSet, parameters.ContentHash);
            }
        }

        var context = EvaluationContextFactory.Create(parameters, facts) with { DefaultStartDate = defaultStart };
        ApiLog.ContextLoaded(logger, manifest?.RunId ?? "(none)", parameters.ContentHash, facts?.Count ?? 0, storage.Location);
        return new Snapshot(context, manifest?.RunId, clock.GetUtcNow());
    }

    /// <summary>A scenario without a start date starts on 1 January of the next year in Denmark (the budget year being planned).</summary>
    private DateOnly NextBudgetYear() => new(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen).Year + 1, 1, 1);

    private sealed record Snapshot(EvaluationContext Context, string? RunId, DateTimeOffset LoadedUtc);
}
