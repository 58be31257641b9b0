using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Scenarios;
using IntegrationCases.Engine.Uncertainty;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Tests.Support;

/// <summary>A small mart from hand-built results: three municipalities, two cases, a standard and a municipal scenario.</summary>
internal static class SampleMart
{
    public static readonly string[] Municipalities = ["101", "851", "860"];

    public static IReadOnlyList<ScenarioDefinition> Scenarios =>
    [
        new(ScenarioDefinition.Standard, "Standardcases", ScenarioDefinition.Standard, "Standard."),
        new("municipal-851-mentor", "Mentorforløb (851)", ScenarioDefinition.Municipal, "Aalborgs egne; med \"citat\"; og semikolon.") { IsPlan = true },
    ];

    /// <summary>The municipal scenario's intake plan: two cohorts in year 1 (30 persons), one in year 2 (10).</summary>
    public static readonly IReadOnlyList<Cohort> Plan =
        [new(new DateOnly(2026, 1, 1), 20), new(new DateOnly(2026, 7, 1), 10), new(new DateOnly(2027, 1, 1), 10)];

    public static IReadOnlyList<EvaluatedCase> Cases()
    {
        var caseIds = CaseCatalogue.Standard.Cases.Take(2).Select(c => c.Id).ToList();
        var list = new List<EvaluatedCase>();
        foreach (var m in Municipalities)
        {
            foreach (var (c, i) in caseIds.Select((c, i) => (c, i)))
            {
                list.Add(new EvaluatedCase(ScenarioDefinition.Standard, 12.5 + i, SampleResults.Result(m, c, years: 3, scale: 1m + i) with
                {
                    Cohorts = [new(new DateOnly(2026, 1, 1), 12.5 + i)],
                }));
            }
        }

        list.Add(new EvaluatedCase("municipal-851-mentor", 40, SampleResults.Result("851", caseIds[0], years: 5, scale: 1234.5m) with { Cohorts = Plan }));
        return list;
    }

    /// <summary>Hand-made Monte Carlo summaries of the standard cases (fact_uncertainty), the amounts scaled by municipality and case.</summary>
    public static IReadOnlyList<CaseUncertainty> Uncertainty()
    {
        var caseIds = CaseCatalogue.Standard.Cases.Take(2).Select(c => c.Id).ToList();
        var list = new List<CaseUncertainty>();
        foreach (var (m, j) in Municipalities.Select((m, j) => (m, j)))
        {
            foreach (var (c, i) in caseIds.Select((c, i) => (c, i)))
            {
                var scale = 1m + i + (10 * j);
                DistributionSummary Spread(decimal mid) => new(mid - (300.25m * scale), mid - (200.5m * scale), mid, mid + (200.5m * scale), mid + (300.25m * scale), mid + (10.01m * scale));
                list.Add(new CaseUncertainty(ScenarioDefinition.Standard, m, c, new MonteCarloSummary(
                    2000, 1, Spread(1000.10m * scale), Spread(900.05m * scale), 0.25 + (0.1 * i) + (0.01 * j), 0.2 + (0.1 * i), [])));
            }
        }

        return list;
    }

    public static IReadOnlyList<TargetGroupFact> Counts() =>
    [
        new("851", "NY-JOB-30", "2025M05", 123.4, 130, "Kommunens eget udtræk (target-groups/2025.csv)"),
        new("851", "NY-JOB-30", "2024", 100, null, "Jobindsats Y35A02"),
        new("101", "KH-JOB-30", "2025K1", null, 2000, "Jobindsats Y35A02"),
    ];

    public static MartDataSet Build(string runId = "0123456789abcdef") => MartBuilder.Build(
        new MartBuilder.RunInfo(runId, new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 17, 0, 3, 120, TimeSpan.Zero),
            "[]", "paramhash", "1.0.0"),
        MunicipalityRegister.Default, CaseCatalogue.Standard, Scenarios, Cases(), Uncertainty(), Counts(),
        IntegrationCases.Engine.Parameters.ParameterStore.Default);
}
