using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// The parameter store a published run priced with: the built-in store with the run's accepted
/// <c>unit-prices/*.json</c> inputs applied in the manifest's order. The HTTP API and <c>evaluate --data</c>
/// both use it, so a scenario prices the same on the command line, over HTTP and in the run.
/// </summary>
public static class RunParameters
{
    public static async Task<ParameterStore> LoadAsync(PipelineStorage storage, RunManifest manifest, CancellationToken cancellationToken)
    {
        var parameters = ParameterStore.Default;
        foreach (var input in manifest.Inputs.Where(i => i.Accepted && i.Path.StartsWith("unit-prices/", StringComparison.Ordinal)))
        {
            var content = await storage.TryReadAsync(StorageArea.Inputs, input.Path, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                continue;
            }

            using var stream = new MemoryStream(content, writable: false);
            var outcome = await Ingestor.IngestAsync(input.Path, stream, null, cancellationToken).ConfigureAwait(false);
            if (outcome is { Accepted: true, Curated.UnitPriceOverrides: { } overrides })
            {
                parameters = parameters.WithOverrides(overrides);
            }
        }

        return parameters;
    }
}
