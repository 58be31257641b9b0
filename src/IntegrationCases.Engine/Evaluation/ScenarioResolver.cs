using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// Validation of METHOD.md section 9 and resolution of defaults: the scenario's value, else the case's,
/// else the municipality's data, else the parameter store. Messages are Danish and name the value and the
/// allowed range. Nothing is computed for a scenario with errors.
/// </summary>
internal static class ScenarioResolver
{
    /// <summary>The earliest and latest allowed start dates (METHOD.md section 2).</summary>
    public static readonly DateOnly FirstStart = new(2016, 1, 1);
    public static readonly DateOnly LastStart = new(2035, 12, 1);

    /// <summary>Upper bounds that keep every amount finite and within decimal range (a choice; docs/method.md).</summary>
    public const double MaxMoney = 10_000_000;
    public const double MaxParticipants = 1_000_000;
    public const double MixTolerance = 1e-9;

    public static (ResolvedScenario? Scenario, List<ValidationError> Errors) Resolve(ScenarioRequest request, EvaluationContext context)
    {
        var errors = new List<ValidationError>();
        void Error(string path, string message) => errors.Add(new ValidationError(path, message));

        MunicipalityFacts? facts = null;
        if (string.IsNullOrEmpty(request.MunicipalityCode))
        {
            Error("municipalityCode", "Kommunekoden mangler; angiv en 3-cifret kommunekode som tekst, fx \"851\".");
        }
        else if (!context.Municipalities.TryGetValue(request.MunicipalityCode, out facts))
        {
            Error("municipalityCode", $"Kommunekoden \"{request.MunicipalityCode}\" er ukendt; angiv en af de 98 kommuners 3-cifrede koder, fx \"851\".");
        }

        CaseDefinition? definition = null;
        if (string.IsNullOrEmpty(request.CaseId))
        {
            Error("caseId", $"Casen mangler; tilladt er {string.Join(", ", context.Catalogue.Cases.Select(c => c.Id))}.");
        }
        else if (!context.Catalogue.TryGet(request.CaseId, out definition))
        {
            Error("caseId", $"Casen \"{request.CaseId}\" er ukendt; tilladt er {string.Join(", ", context.Catalogue.Cases.Select(c => c.Id))}.");
            definition = null;
        }

        var horizon = request.HorizonYears ?? definition?.HorizonYears ?? 5;
        if (horizon is < 1 or > 10)
        {
            Error("horizonYears", $"Tidshorisonten {horizon} år er uden for det tilladte interval 1-10 år.");
        }

        var start = request.StartDate ?? context.DefaultStartDate;
        if (start.Day != 1 || start < FirstStart || start > LastStart)
        {
            Error("startDate", $"Startdatoen {Danish.Date(start)} skal være den første dag i en måned mellem {Danish.Date(FirstStart)} og {Danish.Date(LastStart)}.");
        }

        if (definition is null || facts is null || horizon is < 1 or > 10)
        {
            return (null, errors);
        }

        var months = horizon * 12;
        var discount = request.DiscountRate ?? 0.0;
        Range(errors, "discountRate", discount, 0, 0.2, "Diskonteringsrenten");

        double participants = 0;
        if (request.Participants is { } given)
        {
            participants = given;
            Range(errors, "participants", given, 0, MaxParticipants, "Antallet af deltagere (fuldtidspersoner)");
        }
        else if (facts.TargetGroupPersonsByCase.TryGetValue(definition.Id, out var count))
        {
            participants = count * definition.ParticipationShare;
            if (!double.IsFinite(participants) || participants < 0 || participants > MaxParticipants)
            {
                Error("participants", $"Kommunens antal fuldtidspersoner i målgruppen ({Danish.Number(count)}) giver {Danish.Number(participants)} deltagere, uden for intervallet 0-{Danish.Number(MaxParticipants)}; angiv participants.");
            }
        }
        else
        {
            Error("participants", $"Der findes endnu ingen data om antallet af fuldtidspersoner i målgruppen for kommune {facts.Code} ({facts.Name}) og casen {definition.Id}; angiv participants (et tal fra 0 til {Danish.Number(MaxParticipants)}).");
        }

        var group = request.TargetGroup;
        var benefitType = group?.BenefitType ?? definition.BenefitType;
        var households = HouseholdTypes(context.Parameters, benefitType);
        if (households.Count == 0)
        {
            Error("targetGroup.benefitType", $"Ydelsestypen \"{benefitType}\" er ukendt; tilladt er {string.Join(", ", BenefitTypes(context.Parameters))}.");
        }

        var mixSource = group?.HouseholdMix ?? definition.HouseholdMix;
        var mix = mixSource.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        if (mix.Length == 0)
        {
            Error("targetGroup.householdMix", "Husstandsfordelingen er tom; angiv mindst én husstandstype med en andel, så andelene summer til 1.");
        }
        else
        {
            var sum = 0.0;
            foreach (var (key, share) in mix)
            {
                if (households.Count > 0 && !households.Contains(key))
                {
                    Error($"targetGroup.householdMix.{key}", $"Husstandstypen \"{key}\" findes ikke for ydelsestypen \"{benefitType}\"; tilladt er {string.Join(", ", households.Order(StringComparer.Ordinal))}.");
                }

                Range(errors, $"targetGroup.householdMix.{key}", share, 0, 1, "Andelen");
                sum += share;
            }

            if (Math.Abs(sum - 1) > MixTolerance)
            {
                Error("targetGroup.householdMix", $"Husstandsandelene summer til {Danish.Number(sum)}; de skal summe til 1 (± 1e-9).");
            }
        }

        var clock = group?.InitialRefusionClockMonths ?? definition.InitialRefusionClockMonths;
        IntRange(errors, "targetGroup.initialRefusionClockMonths", clock, 0, 12, "Refusionsuret ved start (måneder)");
        var programmeMonth = group?.ProgrammeMonthAtStart ?? definition.ProgrammeMonthAtStart;
        IntRange(errors, "targetGroup.programmeMonthAtStart", programmeMonth, 0, 120, "Antal gennemførte programmåneder ved start");
        var eligible = group?.ProgrammeEligible ?? definition.ProgrammeEligible;

        var jobLoss = request.JobLossMonthlyProbability ?? definition.JobLossMonthlyProbability;
        Range(errors, "jobLossMonthlyProbability", jobLoss, 0, 1, "Sandsynligheden for jobtab pr. måned");
        var earnings = request.MonthlyEarnings ?? definition.MonthlyEarnings;
        Range(errors, "monthlyEarnings", earnings, 0, MaxMoney, "Månedslønnen");

        var baselineShares = Shares(request.Baseline?.SelfSupportShareByYear, definition.BaselineSelfSupportShareByYear, horizon);
        if (baselineShares.Length != horizon)
        {
            Error("baseline.selfSupportShareByYear", $"Listen har {baselineShares.Length} værdier; den skal have {horizon} (én pr. år i tidshorisonten).");
        }
        else
        {
            for (var y = 0; y < horizon; y++)
            {
                Range(errors, $"baseline.selfSupportShareByYear[{y}]", baselineShares[y], 0, 1, $"Andelen selvforsørgende ved udgangen af år {y + 1}");
            }
        }

        var effortCost = request.Baseline?.EffortCostPerMonth ?? definition.BaselineEffortCostPerMonth;
        Range(errors, "baseline.effortCostPerMonth", effortCost, 0, MaxMoney, "Udgiften til den ordinære indsats pr. måned");
        var effortShare = request.Baseline?.EffortReimbursementShare ?? definition.BaselineEffortReimbursementShare;
        if (effortShare is { } es)
        {
            Range(errors, "baseline.effortReimbursementShare", es, 0, 1, "Refusionsandelen for den ordinære indsats");
        }

        var extra = Shares(request.Investment?.ExtraSelfSupportShareByYear, definition.InvestmentExtraSelfSupportShareByYear, horizon);
        if (extra.Length != horizon)
        {
            Error("investment.extraSelfSupportShareByYear", $"Listen har {extra.Length} værdier; den skal have {horizon} (én pr. år i tidshorisonten).");
        }
        else
        {
            for (var y = 0; y < horizon; y++)
            {
                var path = $"investment.extraSelfSupportShareByYear[{y}]";
                if (!Range(errors, path, extra[y], -1, 1, $"Den ekstra andel selvforsørgende i år {y + 1}"))
                {
                    continue;
                }

                if (baselineShares.Length == horizon && baselineShares[y] is >= 0 and <= 1)
                {
                    var target = baselineShares[y] + extra[y];
                    if (target is < 0 or > 1)
                    {
                        Error(path, $"Den ekstra andel {Danish.Number(extra[y])} giver en samlet andel på {Danish.Number(target)} i år {y + 1}; basisandel plus ekstra andel skal ligge i [0; 1], dvs. den ekstra andel i [{Danish.Number(-baselineShares[y])}; {Danish.Number(1 - baselineShares[y])}].");
                    }
                }
            }
        }

        var inv = request.Investment;
        var oneOff = inv?.OneOffCostPerParticipant ?? definition.InvestmentOneOffCostPerParticipant;
        Range(errors, "investment.oneOffCostPerParticipant", oneOff, 0, MaxMoney, "Engangsudgiften pr. deltager");
        var monthlyCost = inv?.MonthlyCostPerParticipant ?? definition.InvestmentMonthlyCostPerParticipant;
        Range(errors, "investment.monthlyCostPerParticipant", monthlyCost, 0, MaxMoney, "Den månedlige investering pr. deltager");
        var duration = inv?.DurationMonths ?? Math.Min(definition.InvestmentDurationMonths, months);
        IntRange(errors, "investment.durationMonths", duration, 0, months, "Investeringens varighed i måneder");
        var invShare = inv?.ReimbursementShare ?? definition.InvestmentReimbursementShare;
        if (invShare is { } ish)
        {
            Range(errors, "investment.reimbursementShare", ish, 0, 1, "Refusionsandelen for investeringen");
        }

        var supportCost = request.InJobSupport?.MonthlyCost ?? definition.InJobSupportMonthlyCost;
        Range(errors, "inJobSupport.monthlyCost", supportCost, 0, MaxMoney, "Udgiften til støtte i job pr. måned");
        var supportDuration = request.InJobSupport?.DurationMonths ?? definition.InJobSupportDurationMonths;
        IntRange(errors, "inJobSupport.durationMonths", supportDuration, 0, 24, "Varigheden af støtte i job i måneder");

        var danish = request.DanishTest;
        var danishMonth = danish?.Month ?? Math.Min(definition.DanishTestMonth, months);
        IntRange(errors, "danishTest.month", danishMonth, 1, months, "Måneden for danskprøven (talt fra startdatoen)");
        var basePass = danish?.BaselinePassShare ?? definition.DanishTestBaselinePassShare;
        Range(errors, "danishTest.baselinePassShare", basePass, 0, 1, "Beståelsesandelen i basisforløbet");
        var invPass = danish?.InvestmentPassShare ?? definition.DanishTestInvestmentPassShare;
        Range(errors, "danishTest.investmentPassShare", invPass, 0, 1, "Beståelsesandelen i investeringsforløbet");

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
            Participants = participants,
            BenefitType = benefitType,
            HouseholdMix = mix,
            InitialRefusionClockMonths = clock,
            ProgrammeEligible = eligible,
            ProgrammeMonthAtStart = programmeMonth,
            JobLossMonthlyProbability = jobLoss,
            MonthlyEarnings = earnings,
            BaselineShares = baselineShares,
            EffortCostPerMonth = effortCost,
            EffortReimbursementShare = effortShare,
            ExtraShares = extra,
            OneOffCostPerParticipant = oneOff,
            MonthlyCostPerParticipant = monthlyCost,
            InvestmentDurationMonths = duration,
            InvestmentReimbursementShare = invShare,
            InJobSupportMonthlyCost = supportCost,
            InJobSupportDurationMonths = supportDuration,
            DanishTestMonth = danishMonth,
            DanishTestBaselinePassShare = basePass,
            DanishTestInvestmentPassShare = invPass,
            Prices = request.Prices,
            Facts = facts,
        }, errors);
    }

    /// <summary>The household types of a benefit type: the series ydelse.&lt;type&gt;.&lt;household&gt;.</summary>
    public static HashSet<string> HouseholdTypes(ParameterStore store, string benefitType)
    {
        var prefix = $"ydelse.{benefitType}.";
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in store.Series)
        {
            if (series.Id.StartsWith(prefix, StringComparison.Ordinal) && series.Id.Length > prefix.Length)
            {
                var household = series.Id[prefix.Length..];
                if (!household.Contains('.', StringComparison.Ordinal))
                {
                    result.Add(household);
                }
            }
        }

        return result;
    }

    public static IEnumerable<string> BenefitTypes(ParameterStore store) =>
        store.Series.Select(s => s.Id.Split('.'))
            .Where(p => p.Length == 3 && p[0] == "ydelse")
            .Select(p => p[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static double[] Shares(IReadOnlyList<double>? given, IReadOnlyList<double> caseDefault, int horizon) =>
        given is not null ? [.. given] : [.. caseDefault.Take(horizon)];

    private static void ValidatePrices(List<ValidationError> errors, PriceOverrides? prices)
    {
        if (prices is null)
        {
            return;
        }

        OptionalRange(errors, "prices.monthlyBenefit", prices.MonthlyBenefit, 0, MaxMoney, "Den fastsatte månedlige ydelse");
        if (prices.RefusionShareByClockMonth is { } staircase)
        {
            if (staircase.Count != 13)
            {
                errors.Add(new("prices.refusionShareByClockMonth", $"Refusionstrappen har {staircase.Count} værdier; den skal have 13 (klokkemåned 0-12, hvor 12 betyder 12 eller flere)."));
            }
            else
            {
                for (var c = 0; c < staircase.Count; c++)
                {
                    Range(errors, $"prices.refusionShareByClockMonth[{c}]", staircase[c], 0, 1, $"Refusionsandelen i klokkemåned {c}");
                }
            }
        }

        OptionalRange(errors, "prices.grundtilskudMonthly", prices.GrundtilskudMonthly, 0, MaxMoney, "Grundtilskuddet pr. måned");
        OptionalRange(errors, "prices.resultattilskudHigh", prices.ResultattilskudHigh, 0, MaxMoney, "Det høje resultattilskud");
        OptionalRange(errors, "prices.resultattilskudLow", prices.ResultattilskudLow, 0, MaxMoney, "Det lave resultattilskud");
        OptionalRange(errors, "prices.resultattilskudDanish", prices.ResultattilskudDanish, 0, MaxMoney, "Resultattilskuddet for bestået danskprøve");
        if (prices.BonusPerExtraPersonByYear is { } bonus)
        {
            foreach (var (year, amount) in bonus.OrderBy(p => p.Key))
            {
                if (year is < 1900 or > 2100)
                {
                    errors.Add(new($"prices.bonusPerExtraPersonByYear.{year}", $"Året {year} er uden for intervallet 1900-2100."));
                }

                Range(errors, $"prices.bonusPerExtraPersonByYear.{year}", amount, 0, MaxMoney, $"Bonussen pr. ekstra person i {year}");
            }
        }

        OptionalRange(errors, "prices.personfradragAnnual", prices.PersonfradragAnnual, 0, MaxMoney, "Personfradraget pr. år");
        OptionalRange(errors, "prices.amBidragRate", prices.AmBidragRate, 0, 1, "Arbejdsmarkedsbidragssatsen");
        OptionalRange(errors, "prices.employmentAllowanceRate", prices.EmploymentAllowanceRate, 0, 1, "Beskæftigelsesfradragets sats");
        OptionalRange(errors, "prices.employmentAllowanceMaxAnnual", prices.EmploymentAllowanceMaxAnnual, 0, MaxMoney, "Beskæftigelsesfradragets loft pr. år");
        OptionalRange(errors, "prices.kommuneskatRate", prices.KommuneskatRate, 0, 1, "Kommuneskatteprocenten (som andel)");
    }

    private static void OptionalRange(List<ValidationError> errors, string path, double? value, double min, double max, string what)
    {
        if (value is { } v)
        {
            Range(errors, path, v, min, max, what);
        }
    }

    private static bool Range(List<ValidationError> errors, string path, double value, double min, double max, string what)
    {
        if (double.IsFinite(value) && value >= min && value <= max)
        {
            return true;
        }

        errors.Add(new(path, $"{what} er {Danish.Number(value)}; tilladt er [{Danish.Number(min)}; {Danish.Number(max)}]."));
        return false;
    }

    private static void IntRange(List<ValidationError> errors, string path, int value, int min, int max, string what)
    {
        if (value < min || value > max)
        {
            errors.Add(new(path, $"{what} er {value}; tilladt er heltal fra {min} til {max}."));
        }
    }
}
