using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// A run's uncertainty computed by shards, one per municipality, and staged under the run
/// (<see cref="MartPaths.UncertaintyStaging"/>) until the run publishes it (docs/uncertainty.md 'Fan-out'):
/// <list type="bullet">
/// <item><c>unit-prices.json</c> and <c>municipality-facts.json</c>: the run's prices and facts, the same bytes the
/// run publishes, written before it fans out, so that a shard computes against exactly what the run uses;</item>
/// <item><c>shards/&lt;kode&gt;.json</c>: one municipality's rows, written once by its shard.</item>
/// </list>
/// A shard computes by <see cref="UncertaintyEvaluation"/>, the same code and seed as a run in one process, so the
/// published rows do not depend on how the work was spread.
/// </summary>
public sealed class UncertaintyStaging(PipelineStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Writes what the shards compute against (before the run fans out).</summary>
    public async Task PrepareAsync(string runId, byte[] unitPrices, byte[] municipalityFacts, CancellationToken cancellationToken)
    {
        var folder = MartPaths.UncertaintyStaging(runId);
        await storage.WriteAsync(StorageArea.Mart, $"{folder}/{MartPaths.UnitPricesFile}", unitPrices, cancellationToken).ConfigureAwait(false);
        await storage.WriteAsync(StorageArea.Mart, $"{folder}/{MartPaths.MunicipalityFactsFile}", municipalityFacts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The staged rows of <paramref name="municipalityCodes"/> for these draws and seed, ordered as a run orders
    /// them, and the codes whose shard is not (yet) staged.
    /// </summary>
    public async Task<(IReadOnlyList<CaseUncertainty> Rows, IReadOnlyList<string> Missing)> CollectAsync(
        string runId, IEnumerable<string> municipalityCodes, int draws, ulong seed, CancellationToken cancellationToken)
    {
        var rows = new List<CaseUncertainty>();
        var missing = new List<string>();
        foreach (var code in municipalityCodes.Order(StringComparer.Ordinal))
        {
            var bytes = await storage.TryReadAsync(StorageArea.Mart, ShardPath(runId, code), cancellationToken).ConfigureAwait(false);
            var shard = bytes is null ? null : Parse(bytes);
            if (shard is null || shard.Draws != draws || shard.Seed != seed.ToString(CultureInfo.InvariantCulture))
            {
                missing.Add(code);
                continue;
            }

            rows.AddRange(shard.Rows.Select(r => r.ToCase(code, draws, seed)));
        }

        return (rows, missing);
    }

    /// <summary>
    /// Computes one shard and stages its rows (again if it was staged before: the same bytes). Returns how many
    /// municipalities' shards are staged for the run afterwards.
    /// </summary>
    public async Task<int> EvaluateAsync(UncertaintyShard shard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var folder = MartPaths.UncertaintyStaging(shard.RunId);
        var prices = await storage.ReadAsync(StorageArea.Mart, $"{folder}/{MartPaths.UnitPricesFile}", cancellationToken).ConfigureAwait(false);
        var facts = await storage.ReadAsync(StorageArea.Mart, $"{folder}/{MartPaths.MunicipalityFactsFile}", cancellationToken).ConfigureAwait(false);
        var context = EvaluationContextFactory.Create(UnitPricesJson.Parse(prices), shard.StartDate, MunicipalityFactsJson.Parse(facts));
        if (!context.Municipalities.ContainsKey(shard.MunicipalityCode))
        {
            throw new InvalidDataException($"Shard of run {shard.RunId}: unknown municipality '{shard.MunicipalityCode}'.");
        }

        var rows = UncertaintyEvaluation.Evaluate(context, shard.StartDate, [shard.MunicipalityCode], shard.Draws, shard.Seed, cancellationToken: cancellationToken);
        var file = new ShardFile(shard.RunId, shard.MunicipalityCode, shard.Draws, shard.Seed.ToString(CultureInfo.InvariantCulture), [.. rows.Select(ShardRow.Of)]);
        await storage.WriteAsync(StorageArea.Mart, ShardPath(shard.RunId, shard.MunicipalityCode), JsonSerializer.SerializeToUtf8Bytes(file, Json), cancellationToken).ConfigureAwait(false);
        var staged = await storage.ListAsync(StorageArea.Mart, $"{folder}/shards/", cancellationToken).ConfigureAwait(false);
        return staged.Count;
    }

    private static string ShardPath(string runId, string code) => $"{MartPaths.UncertaintyStaging(runId)}/{MartPaths.UncertaintyShardFile(code)}";

    private static ShardFile? Parse(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<ShardFile>(bytes, Json);
        }
        catch (JsonException)
        {
            return null; // a damaged file counts as missing: its shard is asked for again
        }
    }

    private sealed record ShardFile(string RunId, string MunicipalityCode, int Draws, string Seed, IReadOnlyList<ShardRow> Rows);

    private sealed record ShardRow(string ScenarioId, string CaseId, DistributionSummary NetEffectTotal, DistributionSummary Npv, double ProbabilityNetPositive, double PaybackWithinHorizonShare)
    {
        public static ShardRow Of(CaseUncertainty u) =>
            new(u.ScenarioId, u.CaseId, u.MonteCarlo.NetEffectTotal, u.MonteCarlo.Npv, u.MonteCarlo.ProbabilityNetPositive, u.MonteCarlo.PaybackWithinHorizonShare);

        public CaseUncertainty ToCase(string municipalityCode, int draws, ulong seed) =>
            new(ScenarioId, municipalityCode, CaseId, new MonteCarloSummary(draws, seed, NetEffectTotal, Npv, ProbabilityNetPositive, PaybackWithinHorizonShare, []));
    }
}
