using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Tests;

/// <summary>Contexts and pinned-price scenarios that can be computed by hand.</summary>
internal static class TestData
{
    public static readonly DateOnly Start2026 = new(2026, 1, 1);

    public static EvaluationContext Context(ParameterStore? store = null, params MunicipalityFacts[] facts)
    {
        var municipalities = new Dictionary<string, MunicipalityFacts>(StringComparer.Ordinal)
        {
            ["851"] = new("851", "Aalborg", new Dictionary<string, double>(), new Dictionary<int, double>()),
            ["101"] = new("101", "København", new Dictionary<string, double>(), new Dictionary<int, double>()),
        };
        foreach (var f in facts)
        {
            municipalities[f.Code] = f;
        }

        return new EvaluationContext(store ?? ParameterStore.Default, CaseCatalogue.Standard, municipalities) { DefaultStartDate = Start2026 };
    }

    /// <summary>A staircase of 80 / 40 / 30 / 20 % by clock month 0 / 1-5 / 6-11 / 12.</summary>
    public static readonly double[] Staircase = [0.8, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.2];

    /// <summary>
    /// One participant, one year, every price pinned: benefit 10,000 a month, tax 25 %, personal allowance
    /// 48,000 (4,000 a month), labour-market contribution 8 %, employment allowance 10 % up to 24,000 a year,
    /// earnings 20,000 a month, basic grant 3,000, result grants 50,000 / 30,000, Danish test grant 40,000;
    /// nobody moves, no job loss, no costs, outside the programme.
    /// </summary>
    public static ScenarioRequest Pinned() => new()
    {
        MunicipalityCode = "851",
        CaseId = "KH-JOB-30",
        StartDate = Start2026,
        HorizonYears = 1,
        Participants = 1,
        TargetGroup = new TargetGroupRequest { InitialRefusionClockMonths = 0, ProgrammeEligible = false, ProgrammeMonthAtStart = 0 },
        JobLossMonthlyProbability = 0,
        MonthlyEarnings = 20000,
        Baseline = new BaselineRequest { SelfSupportShareByYear = [0], EffortCostPerMonth = 0, EffortReimbursementShare = 0 },
        Investment = new InvestmentRequest { ExtraSelfSupportShareByYear = [0], OneOffCostPerParticipant = 0, MonthlyCostPerParticipant = 0, DurationMonths = 0, ReimbursementShare = 0 },
        InJobSupport = new InJobSupportRequest { MonthlyCost = 0, DurationMonths = 0 },
        DanishTest = new DanishTestRequest { Month = 1, BaselinePassShare = 0, InvestmentPassShare = 0 },
        Prices = new PriceOverrides
        {
            MonthlyBenefit = 10000,
            RefusionShareByClockMonth = Staircase,
            GrundtilskudMonthly = 3000,
            ResultattilskudHigh = 50000,
            ResultattilskudLow = 30000,
            ResultattilskudDanish = 40000,
            BonusPerExtraPersonByYear = new Dictionary<int, double>(),
            PersonfradragAnnual = 48000,
            AmBidragRate = 0.08,
            EmploymentAllowanceRate = 0.10,
            EmploymentAllowanceMaxAnnual = 24000,
            KommuneskatRate = 0.25,
        },
    };

    public static Results.ScenarioResult Evaluate(ScenarioRequest request, EvaluationContext? context = null)
    {
        var outcome = ScenarioEvaluator.Evaluate(request, context ?? Context());
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return outcome.Result!;
    }
}
