using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Municipalities;
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
            if (_snapshot is { } fresh && fresh != current)
            {
                return fresh.Context;
            }

            try
            {
                var context = await LoadContextAsync(cancellationToken);
                _snapshot = new Snapshot(context, clock.GetUtcNow());
                return context;
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

    /// <summary>The municipality's results of the latest run as JSON, or null before the first run.</summary>
    public async ValueTask<byte[]?> MunicipalityResultsAsync(Municipality municipality, CancellationToken cancellationToken) =>
        await storage.TryReadAsync(StorageArea.Mart, $"latest/results/{municipality.Code}.json", cancellationToken);

    /// <summary>The municipality's extract ('xlsx' or 'csv'), or null before the first run.</summary>
    public async ValueTask<byte[]?> ExtractAsync(Municipality municipality, string format, CancellationToken cancellationToken) =>
        await storage.TryReadAsync(StorageArea.Extracts, $"{municipality.Code}/business-cases.{format}", cancellationToken);

    private async Task<EvaluationContext> LoadContextAsync(CancellationToken cancellationToken)
    {
        var parameters = ParameterStore.Default;
        IReadOnlyDictionary<string, MunicipalityFacts>? facts = null;
        var context = EvaluationContextFactory.Create(parameters, facts);
        ApiLog.ContextLoaded(logger, parameters.ContentHash, facts?.Count ?? 0, storage.Location);
        await Task.CompletedTask;
        return context;
    }

    private sealed record Snapshot(EvaluationContext Context, DateTimeOffset LoadedUtc);
}
