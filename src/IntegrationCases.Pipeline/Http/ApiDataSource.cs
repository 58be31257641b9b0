using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
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
    /// The context of the latest published run (<see cref="PublishedRun"/>: its effective unit prices and its
    /// municipality facts, never the inputs), with the default start date of the host's clock. Before the first
    /// run: the built-in parameters and no facts.
    /// </summary>
    private async Task<Snapshot> LoadAsync(Snapshot? current, CancellationToken cancellationToken)
    {
        var manifest = await PublishedRun.LatestManifestAsync(storage, cancellationToken);
        var defaultStart = BudgetYear.FirstDay(clock);
        if (current is not null && current.RunId == manifest?.RunId)
        {
            return current with
            {
                Context = current.Context.DefaultStartDate == defaultStart ? current.Context : current.Context with { DefaultStartDate = defaultStart },
                LoadedUtc = clock.GetUtcNow(),
            };
        }

        var run = manifest is null ? null : await PublishedRun.ReadAsync(storage, manifest, cancellationToken);
        var parameters = run?.Parameters ?? ParameterStore.Default;
        var context = EvaluationContextFactory.Create(parameters, defaultStart, run?.Facts);
        ApiLog.ContextLoaded(logger, manifest?.RunId ?? "(none)", parameters.ContentHash, run?.Facts.Count ?? 0, storage.Location);
        return new Snapshot(context, manifest?.RunId, clock.GetUtcNow());
    }

    private sealed record Snapshot(EvaluationContext Context, string? RunId, DateTimeOffset LoadedUtc);
}
