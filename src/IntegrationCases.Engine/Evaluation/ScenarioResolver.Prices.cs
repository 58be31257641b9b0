using IntegrationCases.Engine.Rules;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>Pinned prices (API.md 'prices'): money not negative, rates and shares in [0, 1].</summary>
internal static partial class ScenarioResolver
{
    /// <summary>The years a pinned bonus table may name.</summary>
    private const int FirstBonusYear = 1900, LastBonusYear = 2100;

    private static void ValidatePrices(List<ValidationError> errors, PriceOverrides? prices)
    {
        if (prices is null)
        {
            return;
        }

        errors.InRange("prices.monthlyBenefit", prices.MonthlyBenefit, 0, MaxMoney, "Den fastsatte månedlige ydelse");
        ValidateStaircase(errors, prices.RefusionShareByClockMonth);
        errors.InRange("prices.grundtilskudMonthly", prices.GrundtilskudMonthly, 0, MaxMoney, "Grundtilskuddet pr. måned");
        errors.InRange("prices.resultattilskudHigh", prices.ResultattilskudHigh, 0, MaxMoney, "Det høje resultattilskud");
        errors.InRange("prices.resultattilskudLow", prices.ResultattilskudLow, 0, MaxMoney, "Det lave resultattilskud");
        errors.InRange("prices.resultattilskudDanish", prices.ResultattilskudDanish, 0, MaxMoney, "Resultattilskuddet for bestået danskprøve");
        foreach (var (year, amount) in (prices.BonusPerExtraPersonByYear ?? new Dictionary<int, double>()).OrderBy(p => p.Key))
        {
            if (year is < FirstBonusYear or > LastBonusYear)
            {
                errors.Add($"prices.bonusPerExtraPersonByYear.{year}", $"Året {year} er uden for intervallet {FirstBonusYear}-{LastBonusYear}.");
            }

            errors.InRange($"prices.bonusPerExtraPersonByYear.{year}", amount, 0, MaxMoney, $"Bonussen pr. ekstra person i {year}");
        }

        errors.InRange("prices.personfradragAnnual", prices.PersonfradragAnnual, 0, MaxMoney, "Personfradraget pr. år");
        errors.InRange("prices.amBidragRate", prices.AmBidragRate, 0, 1, "Arbejdsmarkedsbidragssatsen");
        errors.InRange("prices.employmentAllowanceRate", prices.EmploymentAllowanceRate, 0, 1, "Beskæftigelsesfradragets sats");
        errors.InRange("prices.employmentAllowanceMaxAnnual", prices.EmploymentAllowanceMaxAnnual, 0, MaxMoney, "Beskæftigelsesfradragets loft pr. år");
        errors.InRange("prices.kommuneskatRate", prices.KommuneskatRate, 0, 1, "Kommuneskatteprocenten (som andel)");
    }

    private static void ValidateStaircase(List<ValidationError> errors, IReadOnlyList<double>? staircase)
    {
        if (staircase is null)
        {
            return;
        }

        if (staircase.Count != RefusionStaircase.ClockStates)
        {
            errors.Add("prices.refusionShareByClockMonth", $"Refusionstrappen har {staircase.Count} værdier; den skal have {RefusionStaircase.ClockStates} (klokkemåned 0-12, hvor 12 betyder 12 eller flere).");
            return;
        }

        for (var c = 0; c < staircase.Count; c++)
        {
            errors.InRange($"prices.refusionShareByClockMonth[{c}]", staircase[c], 0, 1, $"Refusionsandelen i klokkemåned {c}");
        }
    }
}
