using System.Collections.Concurrent;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// The uncertainty of every standard case of the given municipalities (the mart's <c>fact_uncertainty</c>, and
/// one queue message of the Functions fan-out): each case's default ranges, evaluated by the engine's effect
/// grid (docs/uncertainty.md). Every case takes the same seed, and so the same factor draws: differences between
/// municipalities and cases are then differences of the cases, not of sampling (common random numbers), and
/// any row can be reproduced by <c>POST /api/scenarios/uncertainty</c> with the standard scenario, its draws and
/// seed. The order of the output does not depend on the order of the work.
/// </summary>
public static class UncertaintyEvaluation
{
    /// <summary>The draws of the main recompute run: the contract's default (the fan-out takes more).</summary>
    public const int RunDraws = UncertaintyRequest.DefaultDraws;

    public const ulong RunSeed = UncertaintyRequest.DefaultSeed;

    public static IReadOnlyList<CaseUncertainty> Evaluate(
        EvaluationContext context,
        DateOnly startDate,
        IEnumerable<string> municipalityCodes,
        int draws,
        ulong seed,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var work = municipalityCodes.Order(StringComparer.Ordinal)
            .SelectMany(code => context.Catalogue.Cases.Select(c => new ScenarioRequest { MunicipalityCode = code, CaseId = c.Id, StartDate = startDate }))
            .ToList();
        var rows = new ConcurrentBag<CaseUncertainty>();
        var done = 0;
        Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var request = new UncertaintyRequest { Scenario = work[i], Draws = draws, Seed = seed };
            var (summary, _) = UncertaintyAnalysis.MonteCarlo(request, context, cancellationToken);
            if (summary is not null)
            {
                // A case the engine rejects is reported once, by the case evaluation's skipped list.
                rows.Add(new CaseUncertainty(ScenarioDefinition.Standard, work[i].MunicipalityCode, work[i].CaseId, summary));
            }

            progress?.Invoke(Interlocked.Increment(ref done), work.Count);
        });

        return [.. rows.OrderBy(r => r.MunicipalityCode, StringComparer.Ordinal).ThenBy(r => r.CaseId, StringComparer.Ordinal)];
    }
}
