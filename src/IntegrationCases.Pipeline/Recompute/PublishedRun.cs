using System.Text.Json;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// The one reader of a published run, used by <c>evaluate --data</c>, <c>serve</c> and the Functions app: the
/// manifest of <c>mart/latest/</c> names the run, and its effective unit prices and municipality facts are read
/// from the run's immutable folder <c>mart/runs/&lt;runId&gt;/</c>, each checked against the SHA-256 the manifest
/// lists, the prices also against the manifest's parameter set. It never reads <c>inputs/</c>: what a run
/// published is what every answer uses, whatever happens to the inputs afterwards.
/// </summary>
public sealed record PublishedRun(RunManifest Manifest, ParameterStore Parameters, IReadOnlyDictionary<string, MunicipalityFacts> Facts)
{
    /// <summary>The manifest of the published run, or null before the first run.</summary>
    public static async Task<RunManifest?> LatestManifestAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var path = $"{MartPaths.Latest}/{MartPaths.ManifestFile}";
        var bytes = await storage.TryReadAsync(StorageArea.Mart, path, cancellationToken).ConfigureAwait(false);
        try
        {
            return bytes is null ? null : RunManifest.FromJson(bytes);
        }
        catch (JsonException e)
        {
            throw new PublishedRunException($"mart/{path} kan ikke læses: {e.Message}", e);
        }
    }

    /// <summary>The published run, or null before the first run.</summary>
    public static async Task<PublishedRun?> ReadLatestAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        var manifest = await LatestManifestAsync(storage, cancellationToken).ConfigureAwait(false);
        return manifest is null ? null : await ReadAsync(storage, manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run <paramref name="manifest"/> names; a missing, changed or unreadable file is a <see cref="PublishedRunException"/>.</summary>
    public static async Task<PublishedRun> ReadAsync(PipelineStorage storage, RunManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(manifest);
        var pricesBytes = await ReadCheckedAsync(storage, manifest, MartPaths.UnitPricesFile, cancellationToken).ConfigureAwait(false);
        var factsBytes = await ReadCheckedAsync(storage, manifest, MartPaths.MunicipalityFactsFile, cancellationToken).ConfigureAwait(false);
        ParameterStore parameters;
        IReadOnlyDictionary<string, MunicipalityFacts> facts;
        try
        {
            parameters = UnitPricesJson.Parse(pricesBytes);
            facts = MunicipalityFactsJson.Parse(factsBytes);
        }
        catch (Exception e) when (e is ParameterFormatException or JsonException)
        {
            throw new PublishedRunException($"Kørsel {manifest.RunId} kan ikke læses: {e.Message}", e);
        }

        if (parameters.ContentHash != manifest.ParameterSet)
        {
            throw new PublishedRunException(
                $"{Where(manifest, MartPaths.UnitPricesFile)} giver parametersæt {parameters.ContentHash[..12]}, men manifestet siger {manifest.ParameterSet[..Math.Min(12, manifest.ParameterSet.Length)]}.");
        }

        return new PublishedRun(manifest, parameters, facts);
    }

    private static async Task<byte[]> ReadCheckedAsync(PipelineStorage storage, RunManifest manifest, string file, CancellationToken cancellationToken)
    {
        var listed = manifest.Files.FirstOrDefault(f => f.Path == file)
            ?? throw new PublishedRunException($"Kørsel {manifest.RunId} har ingen {file} i sit manifest; den er udgivet af en ældre version. Kør genberegningen igen.");
        var bytes = await storage.TryReadAsync(StorageArea.Mart, $"{MartPaths.RunFolder(manifest.RunId)}/{file}", cancellationToken).ConfigureAwait(false)
            ?? throw new PublishedRunException($"{Where(manifest, file)} mangler.");
        if (RunFiles.Sha256(bytes) != listed.Sha256)
        {
            throw new PublishedRunException($"{Where(manifest, file)} er ændret efter kørslen: SHA-256 {RunFiles.Sha256(bytes)[..12]}, manifestet siger {listed.Sha256[..Math.Min(12, listed.Sha256.Length)]}.");
        }

        return bytes;
    }

    private static string Where(RunManifest manifest, string file) => $"mart/{MartPaths.RunFolder(manifest.RunId)}/{file}";
}

/// <summary>A published run that cannot be read as it was published; the message (Danish) names the file.</summary>
public sealed class PublishedRunException(string message, Exception? inner = null) : Exception(message, inner);
