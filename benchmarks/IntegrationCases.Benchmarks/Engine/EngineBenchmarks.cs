using BenchmarkDotNet.Attributes;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Benchmarks.Engine;

/// <summary>
/// The engine's speed targets (docs/performance-engine.md): one scenario with every KPI including the
/// break-even search, an intake plan of 20 cohorts over 10 years with every KPI, and the whole standard
/// catalogue for all 98 municipalities. Run as docs/performance-engine.md says.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class EngineBenchmarks
{
    private EvaluationContext context = null!;
    private ScenarioRequest single = null!;
    private ScenarioRequest plan = null!;
    private ScenarioRequest[] catalogue = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Every municipality gets a count for every case, so participants come from data as in a recompute run.
        var facts = MunicipalityRegister.Default.All.ToDictionary(
            m => m.Code,
            m => new MunicipalityFacts(
                m.Code,
                m.Name,
                CaseCatalogue.Standard.Cases.ToDictionary(c => c.Id, c => 20.0 + (int.Parse(m.Code, System.Globalization.CultureInfo.InvariantCulture) % 50)),
                new Dictionary<int, double> { [2026] = 0.25 }),
            StringComparer.Ordinal);
        context = EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2026, 1, 1), facts);
        single = new ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-JOB-30" };

        // Two intakes a year for ten years, January and July, 20 to 39 persons each.
        plan = new ScenarioRequest
        {
            MunicipalityCode = "851",
            CaseId = "NY-JOB-30",
            HorizonYears = 10,
            Cohorts = [.. Enumerable.Range(0, 20).Select(i => new Cohort(new DateOnly(2026, 1, 1).AddMonths(6 * i), 20.0 + i))],
        };
        catalogue = [.. MunicipalityRegister.Default.All.SelectMany(m => CaseCatalogue.Standard.Cases.Select(c => new ScenarioRequest { MunicipalityCode = m.Code, CaseId = c.Id }))];
    }

    [Benchmark(Description = "one scenario, every KPI incl. break-even")]
    public decimal OneScenario() => ScenarioEvaluator.Evaluate(single, context).Result!.Kpis.NetEffectTotal;

    [Benchmark(Description = "intake plan of 20 cohorts over 10 years, every KPI incl. break-even")]
    public decimal TwentyCohortPlan() => ScenarioEvaluator.Evaluate(plan, context).Result!.Kpis.NetEffectTotal;

    [Benchmark(Description = "standard catalogue x 98 municipalities (686 scenarios)")]
    public decimal NationalCatalogue()
    {
        var total = 0m;
        foreach (var request in catalogue)
        {
            total += ScenarioEvaluator.Evaluate(request, context).Result!.Kpis.NetEffectTotal;
        }

        return total;
    }
}
