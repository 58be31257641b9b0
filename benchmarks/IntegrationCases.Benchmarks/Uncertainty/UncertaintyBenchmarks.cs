using BenchmarkDotNet.Attributes;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Benchmarks.Uncertainty;

/// <summary>
/// The uncertainty target of issue 12: one scenario with 10,000 draws (the CLI's 2 s includes process start, measured
/// separately in docs/uncertainty.md), on one core and on every core, and the default 2,000 draws; and the mart's
/// shortcut (the effect grid, one core) at 2,000 draws, as recompute runs it per case, and at 100,000, the
/// figure that the fan-out's cost estimate scales from.
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

    [Benchmark(Baseline = true, Description = "10,000 draws, one core")]
    public decimal TenThousandOneCore() => UncertaintyAnalysis.Analyse(tenThousand, context, 1).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "10,000 draws, every core")]
    public decimal TenThousandEveryCore() => UncertaintyAnalysis.Analyse(tenThousand, context, Environment.ProcessorCount).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "2,000 draws (the default), every core")]
    public decimal DefaultDrawsEveryCore() => UncertaintyAnalysis.Analyse(twoThousand, context, Environment.ProcessorCount).Result!.MonteCarlo.NetEffectTotal.P50;

    [Benchmark(Description = "2,000 draws, effect grid (the mart), one core")]
    public decimal DefaultDrawsGrid() => UncertaintyAnalysis.MonteCarlo(twoThousand, context).Summary!.NetEffectTotal.P50;

    [Benchmark(Description = "100,000 draws, effect grid, one core")]
    public decimal HundredThousandGrid() => UncertaintyAnalysis.MonteCarlo(hundredThousand, context).Summary!.NetEffectTotal.P50;
}
