using BenchmarkDotNet.Attributes;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Benchmarks.Uncertainty;

/// <summary>
/// The uncertainty target of issue 12: one scenario with 10,000 draws (the CLI's 2 s includes process start, measured
/// separately in docs/uncertainty.md) as the contract computes it (the effect grid, with base and tornado), and the
/// same draws evaluated exactly, each at its own point, on one core and on every core (the reference); the mart's
/// per-case summary at the default 2,000 draws; and 100,000 draws, the contract's maximum and the figure that the
/// fan-out's cost estimate scales from.
/// Run: dotnet IntegrationCases.Benchmarks.dll --filter '*UncertaintyBenchmarks*' --inProcess (docs/uncertainty.md)
/// </summary>
[MemoryDiagnoser]
public class UncertaintyBenchmarks
{
    private EvaluationContext context = null!;
    private UncertaintyRequest tenThousand = null!;
    private UncertaintyRequest twoThousand = null!;
    private UncertaintyRequest hundredThousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        context = EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2026, 1, 1));
        var scenario = new ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-JOB-30", Participants = 40 };
        tenThousand = new UncertaintyRequest { Scenario = scenario, Draws = 10_000, Seed = 1 };
        twoThousand = tenThousand with { Draws = UncertaintyRequest.DefaultDraws };
        hundredThousand = tenThousand with { Draws = UncertaintyRequest.MaxDraws };
    }

    [Benchmark(Baseline = true, Description = "10,000 draws, the contract (grid, base, tornado)")]
    public decimal TenThousand() => UncertaintyAnalysis.Analyse(tenThousand, context).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "10,000 draws exact, one core")]
    public decimal TenThousandExactOneCore() => UncertaintyAnalysis.AnalyseExact(tenThousand, context, 1).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "10,000 draws exact, every core")]
    public decimal TenThousandExactEveryCore() => UncertaintyAnalysis.AnalyseExact(tenThousand, context, Environment.ProcessorCount).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "2,000 draws, summary only (one mart row)")]
    public decimal DefaultDrawsSummary() => UncertaintyAnalysis.MonteCarlo(twoThousand, context).Summary!.NetEffectTotal.P50;

    [Benchmark(Description = "100,000 draws, the contract")]
    public decimal HundredThousand() => UncertaintyAnalysis.Analyse(hundredThousand, context).Result!.MonteCarlo.NetEffectTotal.P50;
}
