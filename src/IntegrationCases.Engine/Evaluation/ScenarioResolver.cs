using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// Validation of METHOD.md section 9 and resolution of defaults: the scenario's value, else the case's,
/// else the municipality's data, else the parameter store. Messages are Danish and name the value and the
/// allowed range. Nothing is computed for a scenario with errors. One part per file: the intake plan, the
/// inputs of the target group and the futures, and the pinned prices.
/// </summary>
internal static partial class ScenarioResolver
{
    /// <summary>The earliest and latest allowed start dates (METHOD.md section 2).</summary>
    public static readonly DateOnly FirstStart = new(2016, 1, 1);
    public static readonly DateOnly LastStart = new(2035, 12, 1);

    /// <summary>Upper bounds that keep every amount finite and within decimal range (a choice; docs/method.md).</summary>
    public const double MaxMoney = 10_000_000;
    public const double MaxParticipants = 1_000_000;
    public const double MixTolerance = 1e-9;

    /// <summary>The horizon in years: 1 to 10, 5 when neither the scenario nor the case gives one (METHOD.md section 2).</summary>
    private const int MinHorizon = 1, MaxHorizon = 10, DefaultHorizon = 5;
    private const double MaxDiscountRate = 0.2;

    public static (ResolvedScenario? Scenario, List<ValidationError> Errors) Resolve(ScenarioRequest request, EvaluationContext context)
    {
        var errors = new List<ValidationError>();
        var (facts, definition) = Identify(request, context, errors);
        var (horizon, start) = ResolveTime(request, definition, context, errors);
        if (definition is null || facts is null || horizon is < MinHorizon or > MaxHorizon)
        {
            return (null, errors);
        }

        var months = horizon * Calendar.MonthsPerYear;
        var discount = request.DiscountRate ?? 0.0;
        errors.InRange("discountRate", discount, 0, MaxDiscountRate, "Diskonteringsrenten");
        var cohorts = ResolvePlan(request, definition, facts, start, months, errors);
        var group = ResolveTargetGroup(request.TargetGroup, definition, context.Parameters, errors);
        var futures = ResolveFutures(request, definition, horizon, errors);
        var efforts = ResolveEfforts(request, definition, months, errors);
        ValidatePrices(errors, request.Prices);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ResolvedScenario
        {
            MunicipalityCode = facts.Code,
            CaseId = definition.Id,
            StartDate = start,
            HorizonYears = horizon,
            DiscountRate = discount,
            Cohorts = cohorts,
            BenefitType = group.BenefitType,
            HouseholdMix = group.Mix,
            InitialRefusionClockMonths = group.InitialClock,
            ProgrammeEligible = group.ProgrammeEligible,
            ProgrammeMonthAtStart = group.ProgrammeMonthAtStart,
            JobLossMonthlyProbability = futures.JobLoss,
            MonthlyEarnings = futures.MonthlyEarnings,
            BaselineShares = futures.BaselineShares,
            ExtraShares = futures.ExtraShares,
            EffortCostPerMonth = efforts.EffortCost,
            EffortReimbursementShare = efforts.EffortShare,
            OneOffCostPerParticipant = efforts.OneOffCost,
            MonthlyCostPerParticipant = efforts.MonthlyCost,
            InvestmentDurationMonths = efforts.Duration,
            InvestmentReimbursementShare = efforts.InvestmentShare,
            InJobSupportMonthlyCost = efforts.SupportCost,
            InJobSupportDurationMonths = efforts.SupportDuration,
            DanishTestMonth = efforts.DanishMonth,
            DanishTestBaselinePassShare = efforts.BaselinePass,
            DanishTestInvestmentPassShare = efforts.InvestmentPass,
            Prices = request.Prices,
            Facts = facts,
        }, errors);
    }

    /// <summary>The horizon (1-10 years) and the start date (the first of a month, 2016-01-01 .. 2035-12-01).</summary>
    private static (int Horizon, DateOnly Start) ResolveTime(ScenarioRequest request, CaseDefinition? definition, EvaluationContext context, List<ValidationError> errors)
    {
        var horizon = request.HorizonYears ?? definition?.HorizonYears ?? DefaultHorizon;
        if (horizon is < MinHorizon or > MaxHorizon)
        {
            errors.Add("horizonYears", $"Tidshorisonten {horizon} år er uden for det tilladte interval {MinHorizon}-{MaxHorizon} år.");
        }

        var start = request.StartDate ?? context.DefaultStartDate;
        if (start.Day != 1 || start < FirstStart || start > LastStart)
        {
            errors.Add("startDate", $"Startdatoen {Danish.Date(start)} skal være den første dag i en måned mellem {Danish.Date(FirstStart)} og {Danish.Date(LastStart)}.");
        }

        return (horizon, start);
    }

    /// <summary>The municipality and the case, each known or an error.</summary>
    private static (MunicipalityFacts? Facts, CaseDefinition? Case) Identify(ScenarioRequest request, EvaluationContext context, List<ValidationError> errors)
    {
        MunicipalityFacts? facts = null;
        if (string.IsNullOrEmpty(request.MunicipalityCode))
        {
            errors.Add("municipalityCode", "Kommunekoden mangler; angiv en 3-cifret kommunekode som tekst, fx \"851\".");
        }
        else if (!context.Municipalities.TryGetValue(request.MunicipalityCode, out facts))
        {
            errors.Add("municipalityCode", $"Kommunekoden \"{request.MunicipalityCode}\" er ukendt; angiv en af de 98 kommuners 3-cifrede koder, fx \"851\".");
        }

        var allowed = string.Join(", ", context.Catalogue.Cases.Select(c => c.Id));
        if (string.IsNullOrEmpty(request.CaseId))
        {
            errors.Add("caseId", $"Casen mangler; tilladt er {allowed}.");
            return (facts, null);
        }

        if (!context.Catalogue.TryGet(request.CaseId, out var definition))
        {
            errors.Add("caseId", $"Casen \"{request.CaseId}\" er ukendt; tilladt er {allowed}.");
            return (facts, null);
        }

        return (facts, definition);
    }
}
