using System.Collections.Concurrent;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// The pure middle of a run: every standard case for every municipality (scenario <c>standard</c>) and each
/// municipality's own assumptions (scenario kind <c>municipal</c>), evaluated by the engine in parallel.
/// The order of the output does not depend on the order of the work.
/// </summary>
public static class CaseEvaluation
{
    public sealed record Outcome(
        IReadOnlyList<ScenarioDefinition> Scenarios,
        IReadOnlyList<EvaluatedCase> Cases,
        IReadOnlyList<SkippedCase> Skipped);

    public static readonly ScenarioDefinition StandardScenario = new(
        ScenarioDefinition.Standard,
        "Standardcases",
        ScenarioDefinition.Standard,
        "Standardkatalogets business cases med kommunens egne målgruppetal og parameterlagerets enhedspriser.");

    public static Outcome Evaluate(
        EvaluationContext context,
        DateOnly startDate,
        IReadOnlyList<MunicipalAssumption> assumptions,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var work = new List<(ScenarioDefinition Scenario, ScenarioRequest Request)>();
        foreach (var code in context.Municipalities.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var definition in context.Catalogue.Cases)
            {
                work.Add((StandardScenario, new ScenarioRequest { MunicipalityCode = code, CaseId = definition.Id, StartDate = startDate }));
            }
        }

        var scenarios = new List<ScenarioDefinition> { StandardScenario };
        foreach (var a in assumptions.OrderBy(a => a.MunicipalityCode, StringComparer.Ordinal).ThenBy(a => a.Lineage.SourcePath, StringComparer.Ordinal))
        {
            var scenario = MunicipalScenario(a);
            if (scenarios.Any(s => s.ScenarioId == scenario.ScenarioId))
            {
                continue; // The same name twice in one municipality: the first file (by path) wins.
            }

            scenarios.Add(scenario);
            work.Add((scenario, a.Scenario with { MunicipalityCode = a.MunicipalityCode, StartDate = a.Scenario.StartDate ?? startDate }));
        }

        var cases = new ConcurrentBag<EvaluatedCase>();
        var skipped = new ConcurrentBag<SkippedCase>();
        var done = 0;
        Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (scenario, request) = work[i];
            var outcome = ScenarioEvaluator.Evaluate(request, context);
            if (outcome.Result is { } result)
            {
                cases.Add(EvaluatedCase.Of(scenario.ScenarioId, result));
            }
            else
            {
                skipped.Add(new SkippedCase(scenario.ScenarioId, request.MunicipalityCode, request.CaseId,
                    string.Join(" ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}"))));
            }

            progress?.Invoke(Interlocked.Increment(ref done), work.Count);
        });

        return new Outcome(
            scenarios,
            [.. cases.OrderBy(c => c.ScenarioId, StringComparer.Ordinal).ThenBy(c => c.Result.MunicipalityCode, StringComparer.Ordinal).ThenBy(c => c.Result.CaseId, StringComparer.Ordinal)],
            [.. skipped.OrderBy(c => c.ScenarioId, StringComparer.Ordinal).ThenBy(c => c.MunicipalityCode, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal)]);
    }

    /// <summary>A municipality's own scenario: id <c>municipal-&lt;kode&gt;-&lt;name&gt;</c> (name folded to [a-z0-9-]).</summary>
    public static ScenarioDefinition MunicipalScenario(MunicipalAssumption a)
    {
        var slug = new string([.. a.Name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]).Trim('-');
        var id = $"municipal-{a.MunicipalityCode}-{slug}";
        return new ScenarioDefinition(
            id.Length <= 64 ? id : id[..64],
            $"{a.Name} ({a.MunicipalityCode})",
            ScenarioDefinition.Municipal,
            $"Kommune {a.MunicipalityCode}s egne antagelser for {a.Scenario.CaseId} fra {a.Lineage.SourcePath}.")
        {
            IsPlan = a.Scenario.Cohorts is not null,
        };
    }
}
