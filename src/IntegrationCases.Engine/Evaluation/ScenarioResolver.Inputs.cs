using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>The target group, the two futures' trajectories and the efforts (METHOD.md sections 3, 5, 6 and 9).</summary>
internal static partial class ScenarioResolver
{
    /// <summary>The clock's states 0 .. 12 and the programme months 0 .. 120 a group may have completed at the start.</summary>
    private const int MaxClock = 12, MaxProgrammeMonthAtStart = 120;

    /// <summary>In-job support can last at most the 24 spell months the state space tells apart (METHOD.md 6.2).</summary>
    private const int MaxSupportMonths = 24;

    private sealed record TargetGroup(string BenefitType, KeyValuePair<string, double>[] Mix, int InitialClock, bool ProgrammeEligible, int ProgrammeMonthAtStart);

    private sealed record Futures(double JobLoss, double MonthlyEarnings, double[] BaselineShares, double[] ExtraShares);

    private sealed record Efforts(
        double EffortCost, double? EffortShare, double OneOffCost, double MonthlyCost, int Duration, double? InvestmentShare,
        double SupportCost, int SupportDuration, int DanishMonth, double BaselinePass, double InvestmentPass);

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

    private static TargetGroup ResolveTargetGroup(TargetGroupRequest? group, CaseDefinition definition, ParameterStore store, List<ValidationError> errors)
    {
        var benefitType = group?.BenefitType ?? definition.BenefitType;
        var households = HouseholdTypes(store, benefitType);
        if (households.Count == 0)
        {
            errors.Add("targetGroup.benefitType", $"Ydelsestypen \"{benefitType}\" er ukendt; tilladt er {string.Join(", ", BenefitTypes(store))}.");
        }

        var mix = (group?.HouseholdMix ?? definition.HouseholdMix).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        ValidateMix(mix, households, benefitType, errors);
        var clock = group?.InitialRefusionClockMonths ?? definition.InitialRefusionClockMonths;
        errors.InRange("targetGroup.initialRefusionClockMonths", clock, 0, MaxClock, "Refusionsuret ved start (måneder)");
        var programmeMonth = group?.ProgrammeMonthAtStart ?? definition.ProgrammeMonthAtStart;
        errors.InRange("targetGroup.programmeMonthAtStart", programmeMonth, 0, MaxProgrammeMonthAtStart, "Antal gennemførte programmåneder ved start");
        return new TargetGroup(benefitType, mix, clock, group?.ProgrammeEligible ?? definition.ProgrammeEligible, programmeMonth);
    }

    private static void ValidateMix(KeyValuePair<string, double>[] mix, HashSet<string> households, string benefitType, List<ValidationError> errors)
    {
        if (mix.Length == 0)
        {
            errors.Add("targetGroup.householdMix", "Husstandsfordelingen er tom; angiv mindst én husstandstype med en andel, så andelene summer til 1.");
            return;
        }

        var sum = 0.0;
        foreach (var (key, share) in mix)
        {
            if (households.Count > 0 && !households.Contains(key))
            {
                errors.Add($"targetGroup.householdMix.{key}", $"Husstandstypen \"{key}\" findes ikke for ydelsestypen \"{benefitType}\"; tilladt er {string.Join(", ", households.Order(StringComparer.Ordinal))}.");
            }

            errors.InRange($"targetGroup.householdMix.{key}", share, 0, 1, "Andelen");
            sum += share;
        }

        if (Math.Abs(sum - 1) > MixTolerance)
        {
            errors.Add("targetGroup.householdMix", $"Husstandsandelene summer til {Danish.Number(sum)}; de skal summe til 1 (± 1e-9).");
        }
    }

    private static Futures ResolveFutures(ScenarioRequest request, CaseDefinition definition, int horizon, List<ValidationError> errors)
    {
        var jobLoss = request.JobLossMonthlyProbability ?? definition.JobLossMonthlyProbability;
        errors.InRange("jobLossMonthlyProbability", jobLoss, 0, 1, "Sandsynligheden for jobtab pr. måned");
        var earnings = request.MonthlyEarnings ?? definition.MonthlyEarnings;
        errors.InRange("monthlyEarnings", earnings, 0, MaxMoney, "Månedslønnen");
        var baseline = Shares(request.Baseline?.SelfSupportShareByYear, definition.BaselineSelfSupportShareByYear, horizon);
        if (Length(errors, "baseline.selfSupportShareByYear", baseline, horizon))
        {
            for (var y = 0; y < horizon; y++)
            {
                errors.InRange($"baseline.selfSupportShareByYear[{y}]", baseline[y], 0, 1, $"Andelen selvforsørgende ved udgangen af år {y + 1}");
            }
        }

        var extra = Shares(request.Investment?.ExtraSelfSupportShareByYear, definition.InvestmentExtraSelfSupportShareByYear, horizon);
        if (Length(errors, "investment.extraSelfSupportShareByYear", extra, horizon))
        {
            for (var y = 0; y < horizon; y++)
            {
                ValidateExtraShare(errors, y, extra[y], baseline.Length == horizon ? baseline[y] : double.NaN);
            }
        }

        return new Futures(jobLoss, earnings, baseline, extra);
    }

    /// <summary>ΔE_y in [-1, 1] with E_y + ΔE_y in [0, 1].</summary>
    private static void ValidateExtraShare(List<ValidationError> errors, int y, double extra, double baseline)
    {
        var path = $"investment.extraSelfSupportShareByYear[{y}]";
        if (!errors.InRange(path, extra, -1, 1, $"Den ekstra andel selvforsørgende i år {y + 1}") || baseline is not (>= 0 and <= 1))
        {
            return;
        }

        var target = baseline + extra;
        if (target is < 0 or > 1)
        {
            errors.Add(path, $"Den ekstra andel {Danish.Number(extra)} giver en samlet andel på {Danish.Number(target)} i år {y + 1}; basisandel plus ekstra andel skal ligge i [0; 1], dvs. den ekstra andel i [{Danish.Number(-baseline)}; {Danish.Number(1 - baseline)}].");
        }
    }

    private static bool Length(List<ValidationError> errors, string path, double[] values, int horizon)
    {
        if (values.Length == horizon)
        {
            return true;
        }

        errors.Add(path, $"Listen har {values.Length} værdier; den skal have {horizon} (én pr. år i tidshorisonten).");
        return false;
    }

    private static double[] Shares(IReadOnlyList<double>? given, IReadOnlyList<double> caseDefault, int horizon) =>
        given is not null ? [.. given] : [.. caseDefault.Take(horizon)];

    private static Efforts ResolveEfforts(ScenarioRequest request, CaseDefinition definition, int months, List<ValidationError> errors)
    {
        var effortCost = request.Baseline?.EffortCostPerMonth ?? definition.BaselineEffortCostPerMonth;
        errors.InRange("baseline.effortCostPerMonth", effortCost, 0, MaxMoney, "Udgiften til den ordinære indsats pr. måned");
        var effortShare = request.Baseline?.EffortReimbursementShare ?? definition.BaselineEffortReimbursementShare;
        errors.InRange("baseline.effortReimbursementShare", effortShare, 0, 1, "Refusionsandelen for den ordinære indsats");
        var inv = request.Investment;
        var oneOff = inv?.OneOffCostPerParticipant ?? definition.InvestmentOneOffCostPerParticipant;
        errors.InRange("investment.oneOffCostPerParticipant", oneOff, 0, MaxMoney, "Engangsudgiften pr. deltager");
        var monthlyCost = inv?.MonthlyCostPerParticipant ?? definition.InvestmentMonthlyCostPerParticipant;
        errors.InRange("investment.monthlyCostPerParticipant", monthlyCost, 0, MaxMoney, "Den månedlige investering pr. deltager");
        var duration = inv?.DurationMonths ?? Math.Min(definition.InvestmentDurationMonths, months);
        errors.InRange("investment.durationMonths", duration, 0, months, "Investeringens varighed i måneder");
        var invShare = inv?.ReimbursementShare ?? definition.InvestmentReimbursementShare;
        errors.InRange("investment.reimbursementShare", invShare, 0, 1, "Refusionsandelen for investeringen");
        var supportCost = request.InJobSupport?.MonthlyCost ?? definition.InJobSupportMonthlyCost;
        errors.InRange("inJobSupport.monthlyCost", supportCost, 0, MaxMoney, "Udgiften til støtte i job pr. måned");
        var supportDuration = request.InJobSupport?.DurationMonths ?? definition.InJobSupportDurationMonths;
        errors.InRange("inJobSupport.durationMonths", supportDuration, 0, MaxSupportMonths, "Varigheden af støtte i job i måneder");
        var danish = request.DanishTest;
        var danishMonth = danish?.Month ?? Math.Min(definition.DanishTestMonth, months);
        errors.InRange("danishTest.month", danishMonth, 1, months, "Måneden for danskprøven (talt fra startdatoen)");
        var basePass = danish?.BaselinePassShare ?? definition.DanishTestBaselinePassShare;
        errors.InRange("danishTest.baselinePassShare", basePass, 0, 1, "Beståelsesandelen i basisforløbet");
        var invPass = danish?.InvestmentPassShare ?? definition.DanishTestInvestmentPassShare;
        errors.InRange("danishTest.investmentPassShare", invPass, 0, 1, "Beståelsesandelen i investeringsforløbet");
        return new Efforts(effortCost, effortShare, oneOff, monthlyCost, duration, invShare, supportCost, supportDuration, danishMonth, basePass, invPass);
    }
}
