using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Every unit price of a scenario, looked up once per calendar month (METHOD.md sections 2 and 6) and turned
/// into amounts per unit of mass, so that the simulation (and the break-even search, which re-runs it) never
/// touches the store. Records the lineage of each value used.
/// </summary>
internal sealed class PriceTable
{
    public const int ClockStates = 13;

    private PriceTable(int months)
    {
        Months = months;
        Benefit = new double[months];
        BenefitTax = new double[months];
        EarningsTax = new double[months];
        Refusion = new double[months * ClockStates];
        Grundtilskud = new double[months];
        EffortCost = new double[months];
        InvestmentCost = new double[months];
        ResultGrant = new double[months];
        ResultCondition = new bool[months];
        Bonus = new double[months];
        BonusMonth = new bool[months];
        December = new bool[months];
    }

    public int Months { get; }

    /// <summary>Y_t: the benefit per person per month after the household mix.</summary>
    public double[] Benefit { get; }

    /// <summary>Municipal tax on the benefit per person on benefit.</summary>
    public double[] BenefitTax { get; }

    /// <summary>Municipal tax on earnings per self-supporting person.</summary>
    public double[] EarningsTax { get; }

    /// <summary>R(c) in month t at index t × 13 + c.</summary>
    public double[] Refusion { get; }

    /// <summary>G_t when programme-bound and q_t ≤ 60, else 0.</summary>
    public double[] Grundtilskud { get; }

    /// <summary>K_base × (1 − ρ_effort) per person on benefit.</summary>
    public double[] EffortCost { get; }

    /// <summary>K_inv × (1 − ρ_inv) per person on benefit while t &lt; durationMonths, else 0.</summary>
    public double[] InvestmentCost { get; }

    /// <summary>The one-off cost per participant net of reimbursement, charged in month 0.</summary>
    public double OneOffCost { get; private set; }

    /// <summary>Result grant per person completing month 6 of a spell in month t (0 when out of programme time).</summary>
    public double[] ResultGrant { get; }

    /// <summary>Whether the result grant's condition holds in month t (sets p = 1 whatever the amount).</summary>
    public bool[] ResultCondition { get; }

    /// <summary>The Danish test month (0-based) and the grant per passing participant (0 when not paid).</summary>
    public int DanishMonth { get; private set; }

    public double DanishGrant { get; private set; }

    /// <summary>The bonus per extra self-supporting person, paid in December of the years it is in force.</summary>
    public double[] Bonus { get; }

    public bool[] BonusMonth { get; }

    /// <summary>Whether month t is a December (the self-supporting mass then feeds the bonus's year-on-year change).</summary>
    public bool[] December { get; }

    public double SupportCost { get; private set; }

    public int SupportDuration { get; private set; }

    public double JobLoss { get; private set; }

    public int InitialClock { get; private set; }

    public static (PriceTable? Table, IReadOnlyList<ParameterUse> Lineage, List<ValidationError> Errors) Build(
        ResolvedScenario scenario, ParameterStore store)
    {
        var table = new PriceTable(scenario.Months);
        var lookup = new Lookup(store, scenario.StartDate);
        var prices = scenario.Prices;
        var mix = scenario.HouseholdMix;
        var benefitIds = mix.Select(m => $"ydelse.{scenario.BenefitType}.{m.Key}").ToArray();
        var steps = new[] { "refusion.trappe.uge_01_04", "refusion.trappe.uge_05_26", "refusion.trappe.uge_27_52", "refusion.trappe.uge_53_plus" };
        var stepValues = new double[steps.Length];

        for (var t = 0; t < scenario.Months; t++)
        {
            var month = scenario.StartDate.AddMonths(t);

            // Personal allowance and municipal tax rate.
            var pf = prices?.PersonfradragAnnual is { } pinnedPf
                ? lookup.Pinned("prices.personfradragAnnual", pinnedPf)
                : lookup.Get("personfradrag.aar", month);
            var tau = TaxRate(scenario, lookup, month);

            // Benefit and the tax it carries.
            double benefit, benefitTax;
            if (prices?.MonthlyBenefit is { } pinnedBenefit)
            {
                benefit = lookup.Pinned("prices.monthlyBenefit", pinnedBenefit);
                benefitTax = tau * Math.Max(0, benefit - (pf / 12));
            }
            else
            {
                benefit = 0;
                var taxable = 0.0;
                for (var h = 0; h < mix.Length; h++)
                {
                    var rate = lookup.Get(benefitIds[h], month);
                    benefit += mix[h].Value * rate;
                    taxable += mix[h].Value * Math.Max(0, rate - (pf / 12));
                }

                benefitTax = tau * taxable;
            }

            table.Benefit[t] = benefit;
            table.BenefitTax[t] = benefitTax;

            // Refusion staircase: clock 0 → step 1, 1-5 → step 2, 6-11 → step 3, 12 → step 4.
            if (prices?.RefusionShareByClockMonth is { } pinnedStairs)
            {
                for (var c = 0; c < ClockStates; c++)
                {
                    table.Refusion[(t * ClockStates) + c] = t == 0
                        ? lookup.Pinned($"prices.refusionShareByClockMonth[{c}]", pinnedStairs[c])
                        : pinnedStairs[c];
                }
            }
            else
            {
                for (var step = 0; step < steps.Length; step++)
                {
                    stepValues[step] = lookup.Get(steps[step], month);
                }

                for (var c = 0; c < ClockStates; c++)
                {
                    table.Refusion[(t * ClockStates) + c] = stepValues[c == 0 ? 0 : c <= 5 ? 1 : c <= 11 ? 2 : 3];
                }
            }

            // Earnings tax (METHOD.md 6.2).
            var earnings = scenario.MonthlyEarnings;
            var am = prices?.AmBidragRate is { } pinnedAm ? lookup.Pinned("prices.amBidragRate", pinnedAm) : lookup.Get("am_bidrag.sats", month);
            var ea = prices?.EmploymentAllowanceRate is { } pinnedEa ? lookup.Pinned("prices.employmentAllowanceRate", pinnedEa) : lookup.Get("beskaeftigelsesfradrag.sats", month);
            var eaMax = prices?.EmploymentAllowanceMaxAnnual is { } pinnedMax ? lookup.Pinned("prices.employmentAllowanceMaxAnnual", pinnedMax) : lookup.Get("beskaeftigelsesfradrag.loft", month);
            table.EarningsTax[t] = tau * Math.Max(0, earnings - (am * earnings) - Math.Min(ea * earnings, eaMax / 12) - (pf / 12));

            // Programme-bound grants.
            var q = scenario.ProgrammeMonthAtStart + t + 1;
            if (scenario.ProgrammeEligible && q <= 60)
            {
                table.Grundtilskud[t] = prices?.GrundtilskudMonthly is { } pinnedG
                    ? lookup.Pinned("prices.grundtilskudMonthly", pinnedG)
                    : lookup.Get("grundtilskud.maaned", month);
            }

            if (scenario.ProgrammeEligible && t >= 5)
            {
                var spellStart = scenario.ProgrammeMonthAtStart + (t - 5) + 1;
                if (spellStart <= 60)
                {
                    table.ResultCondition[t] = true;
                    table.ResultGrant[t] = spellStart <= 36
                        ? prices?.ResultattilskudHigh is { } pinnedHigh ? lookup.Pinned("prices.resultattilskudHigh", pinnedHigh) : lookup.Get("resultattilskud.job_uddannelse.hoej", month)
                        : prices?.ResultattilskudLow is { } pinnedLow ? lookup.Pinned("prices.resultattilskudLow", pinnedLow) : lookup.Get("resultattilskud.job_uddannelse.lav", month);
                }
            }

            // Efforts.
            var effortShare = scenario.EffortReimbursementShare is { } es ? es : lookup.Get("refusion.indsats.andel", month);
            table.EffortCost[t] = scenario.EffortCostPerMonth * (1 - effortShare);
            if (t < scenario.InvestmentDurationMonths || t == 0)
            {
                var invShare = scenario.InvestmentReimbursementShare is { } ish ? ish : lookup.Get("refusion.investering.andel", month);
                if (t < scenario.InvestmentDurationMonths)
                {
                    table.InvestmentCost[t] = scenario.MonthlyCostPerParticipant * (1 - invShare);
                }

                if (t == 0)
                {
                    table.OneOffCost = scenario.OneOffCostPerParticipant * (1 - invShare);
                }
            }

            // Employment bonus: December of each year in which the bonus is in force (METHOD.md 6.6).
            if (month.Month == 12)
            {
                table.December[t] = true;
                if (prices?.BonusPerExtraPersonByYear is { } bonusTable)
                {
                    if (bonusTable.TryGetValue(month.Year, out var amount))
                    {
                        table.BonusMonth[t] = true;
                        table.Bonus[t] = lookup.Pinned($"prices.bonusPerExtraPersonByYear.{month.Year}", amount);
                    }
                }
                else if (store.ValueAt("bonus.ekstra_person", month) is not null)
                {
                    table.BonusMonth[t] = true;
                    table.Bonus[t] = lookup.Get("bonus.ekstra_person", month);
                }
            }
        }

        // Result grant for a passed Danish test (METHOD.md 6.5).
        table.DanishMonth = scenario.DanishTestMonth - 1;
        var qDanish = scenario.ProgrammeMonthAtStart + table.DanishMonth + 1;
        if (scenario.ProgrammeEligible && qDanish <= 60
            && (scenario.DanishTestBaselinePassShare > 0 || scenario.DanishTestInvestmentPassShare > 0))
        {
            table.DanishGrant = scenario.Prices?.ResultattilskudDanish is { } pinnedDanish
                ? lookup.Pinned("prices.resultattilskudDanish", pinnedDanish)
                : lookup.Get("resultattilskud.danskproeve", scenario.StartDate.AddMonths(table.DanishMonth));
        }

        if (scenario.InJobSupportDurationMonths > 0)
        {
            table.SupportCost = scenario.InJobSupportMonthlyCost;
        }

        table.SupportDuration = scenario.InJobSupportDurationMonths;
        table.JobLoss = scenario.JobLossMonthlyProbability;
        table.InitialClock = scenario.InitialRefusionClockMonths;
        return lookup.Errors.Count > 0 ? (null, [], lookup.Errors) : (table, lookup.Lineage(), []);
    }

    private static double TaxRate(ResolvedScenario scenario, Lookup lookup, DateOnly month)
    {
        if (scenario.Prices?.KommuneskatRate is { } pinned)
        {
            return lookup.Pinned("prices.kommuneskatRate", pinned);
        }

        if (scenario.Facts.KommuneskatRateByYear.TryGetValue(month.Year, out var own))
        {
            return lookup.Own(scenario.MunicipalityCode, month.Year, own);
        }

        return lookup.Get("kommuneskat.gennemsnit", month);
    }

    /// <summary>Store lookups with lineage; a missing value becomes one error on <c>startDate</c>.</summary>
    private sealed class Lookup(ParameterStore store, DateOnly start)
    {
        private readonly Dictionary<(string, DateOnly), ParameterUse> used = [];
        private readonly HashSet<string> missing = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Cursor> cursors = new(StringComparer.Ordinal);

        public List<ValidationError> Errors { get; } = [];

        public double Get(string id, DateOnly month)
        {
            // Months are mostly looked up in order, so each series keeps a cursor instead of a binary search,
            // and the lineage is touched only when the value in force changes.
            if (!cursors.TryGetValue(id, out var cursor))
            {
                cursor = new Cursor(store.Find(id));
                cursors.Add(id, cursor);
            }

            var values = cursor.Series?.Values;
            var index = cursor.Index;
            if (values is not null)
            {
                if (index >= 0 && values[index].ValidFrom > month)
                {
                    index = -1;
                }

                while (index + 1 < values.Count && values[index + 1].ValidFrom <= month)
                {
                    index++;
                }
            }

            if (values is null || index < 0)
            {
                if (missing.Add(id))
                {
                    var first = values?[0].ValidFrom;
                    Errors.Add(new ValidationError("startDate", first is { } f
                        ? $"Parameteren '{id}' har ingen værdi for {Danish.Month(month)}; parameterlageret dækker fra {Danish.Date(f)}. Vælg en startdato fra {Danish.Date(f)} eller senere."
                        : $"Parameteren '{id}' findes ikke i parameterlageret; beregningen kræver den for {Danish.Month(month)}."));
                }

                return 0;
            }

            var value = values[index];
            if (index != cursor.Index)
            {
                cursor.Index = index;
                used.TryAdd((id, value.ValidFrom), new ParameterUse(id, value.ValidFrom, value.Value, value.Source));
            }

            return value.Value;
        }

        private sealed class Cursor(ParameterSeries? series)
        {
            public ParameterSeries? Series { get; } = series;

            public int Index { get; set; } = -1;
        }

        public double Pinned(string field, double value)
        {
            var id = $"scenarie.{field}";
            used.TryAdd((id, start), new ParameterUse(id, start, value, $"Fastsat i scenariet ({field}) for alle måneder"));
            return value;
        }

        public double Own(string code, int year, double value)
        {
            var id = $"kommuneskat.kommune.{code}";
            var from = new DateOnly(year, 1, 1);
            used.TryAdd((id, from), new ParameterUse(id, from, value, $"Kommunens egen kommuneskatteprocent for {year} (kommunedata)"));
            return value;
        }

        public IReadOnlyList<ParameterUse> Lineage() =>
        [
            .. used.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ThenBy(u => u.ValidFrom),
        ];
    }
}
