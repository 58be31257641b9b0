using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationCases.Engine;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;
using IntegrationCases.Pipeline.Sql;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>Ingests one input file (path under inputs/, content); the default is <see cref="Ingestor.IngestAsync"/>.</summary>
public delegate ValueTask<IngestionOutcome> InputIngestion(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

/// <summary>
/// One whole recompute run over a storage (DESIGN.md 'Data flow'): read and ingest every input, evaluate
/// every standard case for every municipality and each municipality's own assumptions, write
/// <c>mart/runs/&lt;runId&gt;/</c>, load SQL when configured, then publish <c>mart/latest/</c> and the extracts.
/// Read, decide, write: nothing is written before everything is computed. The Functions queue trigger and
/// the CLI's <c>recompute</c> both call <see cref="RunAsync"/>.
/// </summary>
public sealed class RecomputeRun
{
    private readonly PipelineStorage _storage;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly MartSqlLoader? _sql;
    private readonly InputIngestion _ingest;
    private readonly ParameterStore? _parameters;

    public RecomputeRun(
        PipelineStorage storage,
        TimeProvider? clock = null,
        ILogger<RecomputeRun>? logger = null,
        MartSqlLoader? sql = null,
        InputIngestion? ingest = null,
        ParameterStore? parameters = null)
    {
        _storage = storage;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _sql = sql;
        _ingest = ingest ?? DefaultIngestion;
        _parameters = parameters;
    }

    public MunicipalityRegister Register { get; init; } = MunicipalityRegister.Default;

    public async Task<RecomputeSummary> RunAsync(RecomputeRunOptions? options, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        options ??= new RecomputeRunOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.UncertaintyDraws, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.UncertaintyDraws, Engine.Uncertainty.UncertaintyRequest.MaxDraws);
        var stopwatch = Stopwatch.StartNew();
        var started = _clock.GetUtcNow();
        var startDate = options.StartDate ?? BudgetYear.FirstDay(_clock);
        var publisher = new MartPublisher(_storage, options.WriteParallelism);

        // Read.
        var inputs = await ReadInputsAsync(progress, cancellationToken).ConfigureAwait(false);
        var accepted = inputs.Where(i => i.Accepted && i.Curated is not null).ToList();
        var effective = accepted.Select(i => i.Curated!.UnitPriceOverrides).OfType<ParameterStore>()
            .Aggregate(_parameters ?? ParameterStore.Default, (store, overrides) => store.WithOverrides(overrides));

        // The run prices with the store read back from the bytes it publishes, so that every reader of the run
        // (docs/api.md) prices exactly as the run did, and the parameter set is the hash of what was published.
        var unitPrices = UnitPricesJson.Serialize(effective);
        var parameters = UnitPricesJson.Parse(unitPrices);
        var manifestInputs = inputs.Select(i => new ManifestInput(i.Path, i.Kind, i.ContentHash, i.Size, i.Accepted)).ToList();
        var inputsHash = InputsHash(manifestInputs, parameters.ContentHash, startDate, options.UncertaintyDraws);
        var runId = inputsHash[..16];
        var rejected = inputs.Where(i => !i.Accepted)
            .Select(i => new RejectedInput(i.Path, i.ErrorCount, [.. i.Errors.Take(3).Select(Describe)])).ToList();
        RecomputeRunLog.InputsRead(_logger, accepted.Count, rejected.Count, inputsHash);

        var previous = await publisher.LatestManifestAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Force && previous?.InputsHash == inputsHash)
        {
            RecomputeRunLog.Skipped(_logger, inputsHash, previous.RunId);
            return new RecomputeSummary(RecomputeStatus.Skipped, previous.RunId, inputsHash, accepted.Count, rejected, 0, [], 0,
                new NationalTotals(0, 0, 0), previous.RowCounts, false, _storage.Location, stopwatch.Elapsed);
        }

        // Decide (pure).
        var catalogue = CaseCatalogue.Standard;
        var factsBuild = MunicipalityFactsBuilder.Build(accepted.Select(i => i.Curated!), catalogue, Register);
        var facts = factsBuild.Facts;
        var context = EvaluationContextFactory.Create(parameters, startDate, facts, Register, catalogue);
        var assumptions = accepted.SelectMany(i => i.Curated!.Assumptions).ToList();
        var evaluation = CaseEvaluation.Evaluate(
            context, startDate, assumptions,
            (done, total) => progress?.Report(new RecomputeProgress("Beregner business cases", done, total)),
            cancellationToken);
        RecomputeRunLog.Evaluated(_logger, runId, evaluation.Cases.Count, evaluation.Skipped.Count);
        var uncertainty = await UncertaintyAsync(options, runId, context, startDate, unitPrices, facts, progress, cancellationToken).ConfigureAwait(false);
        if (uncertainty is null)
        {
            return new RecomputeSummary(
                RecomputeStatus.Pending, runId, inputsHash, accepted.Count, rejected, evaluation.Cases.Count, evaluation.Skipped,
                evaluation.Scenarios.Count - 1, new NationalTotals(0, 0, 0), new Dictionary<string, int>(), false, _storage.Location, stopwatch.Elapsed);
        }

        var finished = _clock.GetUtcNow();
        var mart = MartBuilder.Build(
            new MartBuilder.RunInfo(runId, started, finished, JsonSerializer.Serialize(manifestInputs, RunManifest.Json), parameters.ContentHash, EngineInfo.EngineVersion),
            Register, catalogue, evaluation.Scenarios, evaluation.Cases, uncertainty, factsBuild.TargetGroupRows, parameters);
        progress?.Report(new RecomputeProgress("Skriver Parquet og udtræk", 0, 1));
        var files = await RunFiles.RenderAsync(
            new RunFiles.Input(mart, Register, catalogue, facts, evaluation, uncertainty, startDate, parameters.ContentHash, EngineInfo.EngineVersion, unitPrices),
            cancellationToken).ConfigureAwait(false);
        var manifest = new RunManifest(
            runId, inputsHash, started, finished, EngineInfo.EngineVersion, EngineInfo.MethodVersion, parameters.ContentHash, startDate,
            manifestInputs, new SortedDictionary<string, int>(mart.RowCounts.ToDictionary(), StringComparer.Ordinal),
            [.. files.Select(f => new ManifestFile(f.Key, f.Value.Length, RunFiles.Sha256(f.Value)))]).ToJson();
        progress?.Report(new RecomputeProgress("Skriver Parquet og udtræk", 1, 1));

        // Write: the run folder, SQL, then latest/ (manifest last).
        try
        {
            progress?.Report(new RecomputeProgress("Gemmer kørslen", 0, 1));
            await publisher.WriteRunFolderAsync(runId, files, manifest, cancellationToken).ConfigureAwait(false);
            if (_sql is not null)
            {
                progress?.Report(new RecomputeProgress("Indlæser i SQL", 0, 1));
                await _sql.LoadAsync(mart, cancellationToken).ConfigureAwait(false);
                RecomputeRunLog.SqlLoaded(_logger, runId);
            }

            progress?.Report(new RecomputeProgress("Publicerer", 0, 1));
            await publisher.PublishAsync(runId, files, manifest, previous, cancellationToken).ConfigureAwait(false);
            progress?.Report(new RecomputeProgress("Publicerer", 1, 1));
        }
        catch (Exception e)
        {
            RecomputeRunLog.Failed(_logger, runId, e);
            throw;
        }

        RecomputeRunLog.Published(_logger, runId, _storage.Location, stopwatch.Elapsed);
        var standard = evaluation.Cases.Where(c => c.ScenarioId == ScenarioDefinition.Standard).ToList();
        return new RecomputeSummary(
            RecomputeStatus.Published, runId, inputsHash, accepted.Count, rejected, evaluation.Cases.Count, evaluation.Skipped,
            evaluation.Scenarios.Count - 1,
            new NationalTotals(standard.Sum(c => c.Participants), standard.Sum(c => c.Result.Kpis.InvestmentTotal), standard.Sum(c => c.Result.Kpis.NetEffectTotal)),
            mart.RowCounts, _sql is not null, _storage.Location, stopwatch.Elapsed)
        {
            StandardCasesComputed = standard.Count,
        };
    }

    /// <summary>
    /// The hash of everything that can change a result or the files of a run: each accepted input (path and
    /// content hash), the effective parameter set, the engine version, the start date and the layout of a run
    /// folder. Rejected inputs do not count: a file that is refused leaves the mart as it was.
    /// </summary>
    public static string InputsHash(IEnumerable<ManifestInput> inputs, string parameterSet, DateOnly startDate, int uncertaintyDraws = UncertaintyEvaluation.RunDraws)
    {
        var text = new StringBuilder();
        foreach (var i in inputs.Where(i => i.Accepted).OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            text.Append(i.Path).Append('\t').Append(i.ContentHash).Append('\n');
        }

        text.Append("parameters\t").Append(parameterSet).Append('\n')
            .Append("engine\t").Append(EngineInfo.EngineVersion).Append('\t').Append(EngineInfo.MethodVersion).Append('\n')
            .Append("start\t").Append(startDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append("layout\t").Append(MartPaths.LayoutVersion).Append('\n')
            .Append("uncertainty\t").Append(uncertaintyDraws).Append('\t').Append(UncertaintyEvaluation.RunSeed).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The uncertainty of every standard case: computed here, or, with a fan-out, collected from the shards staged
    /// under the run. Null when shards are still missing: they have been asked for (again), and the run stops.
    /// </summary>
    private async Task<IReadOnlyList<CaseUncertainty>?> UncertaintyAsync(
        RecomputeRunOptions options,
        string runId,
        Engine.Evaluation.EvaluationContext context,
        DateOnly startDate,
        byte[] unitPrices,
        IReadOnlyDictionary<string, Engine.Municipalities.MunicipalityFacts> facts,
        IProgress<RecomputeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var (draws, seed) = (options.UncertaintyDraws, UncertaintyEvaluation.RunSeed);
        if (options.UncertaintyFanOut is not { } fanOut)
        {
            var rows = UncertaintyEvaluation.Evaluate(
                context, startDate, context.Municipalities.Keys, draws, seed,
                (done, total) => progress?.Report(new RecomputeProgress("Beregner usikkerhed", done, total)),
                cancellationToken);
            RecomputeRunLog.UncertaintyEvaluated(_logger, runId, rows.Count, draws, seed);
            return rows;
        }

        var staging = new UncertaintyStaging(_storage);
        var (staged, missing) = await staging.CollectAsync(runId, context.Municipalities.Keys, draws, seed, cancellationToken).ConfigureAwait(false);
        if (missing.Count == 0)
        {
            RecomputeRunLog.UncertaintyCollected(_logger, runId, staged.Count, draws, seed);
            return staged;
        }

        await staging.PrepareAsync(runId, unitPrices, MunicipalityFactsJson.Serialize(facts), cancellationToken).ConfigureAwait(false);
        await fanOut([.. missing.Select(code => new UncertaintyShard(runId, code, startDate, draws, seed))], cancellationToken).ConfigureAwait(false);
        RecomputeRunLog.UncertaintyFannedOut(_logger, runId, missing.Count, context.Municipalities.Count, draws);
        return null;
    }

    private static string Describe(IngestionIssue issue) =>
        (issue.Row is { } row ? $"række {row}" : "filen") + (issue.Column is { } column ? $", kolonne {column}" : "") +
        (issue.Value is { } value ? $", værdi '{value}'" : "") + $": {issue.Message}";

    private sealed record IngestedInput(
        string Path, string Kind, string ContentHash, long Size, bool Accepted, long ErrorCount, IReadOnlyList<IngestionIssue> Errors, CuratedData? Curated);

    private async Task<IReadOnlyList<IngestedInput>> ReadInputsAsync(IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        var items = await _storage.ListAsync(StorageArea.Inputs, null, cancellationToken).ConfigureAwait(false);
        var results = new IngestedInput[items.Count];
        var kept = new IngestedFileWriter(_storage);
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var item = items[i];
            var content = await _storage.ReadAsync(StorageArea.Inputs, item.Path, ct).ConfigureAwait(false);
            var outcome = await _ingest(item.Path, content, ct).ConfigureAwait(false);
            if (!outcome.Accepted)
            {
                RecomputeRunLog.InputRejected(_logger, item.Path, outcome.ErrorCount);
            }

            using (var raw = new MemoryStream(content, writable: false))
            {
                await kept.KeepAsync(outcome, raw, ct).ConfigureAwait(false);
            }

            results[i] = new IngestedInput(item.Path, outcome.Kind, outcome.ContentHash, content.Length, outcome.Accepted, outcome.ErrorCount, outcome.Errors, outcome.Curated);
            progress?.Report(new RecomputeProgress("Indlæser input", Interlocked.Increment(ref done), items.Count));
        }).ConfigureAwait(false);
        return results;
    }

    private static async ValueTask<IngestionOutcome> DefaultIngestion(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return await Ingestor.IngestAsync(path, stream, null, cancellationToken).ConfigureAwait(false);
    }
}
