using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Rules;

namespace IntegrationCases.Engine.Simulation;

/// <summary>
/// Every unit price and rule threshold of a scenario, looked up once per calendar month of its timeline
/// (METHOD.md sections 2 and 6) by the rules in <c>Rules/</c>, so that the simulation (and the break-even
/// search, which re-runs it) never touches the store. Indexed by the calendar month t of the scenario; a
/// cohort in its own month t_k reads month t = offset + t_k. Records the lineage of each value used.
/// </summary>
internal sealed class PriceTable
{
    private PriceTable(ResolvedScenario scenario)
    {
        var months = scenario.Months;
        Months = months;
        FirstMonth = scenario.FirstOffset;
        CalendarMonth = [.. Enumerable.Range(0, months).Select(t => scenario.StartDate.AddMonths(t))];
        Benefit = new double[months];
        BenefitTax = new double[months];
        EarningsTax = new double[months];
        EarningsTaxTerms = new EarningsTaxTerms[months];
        Refusion = new double[months * RefusionStaircase.ClockStates];
        Grundtilskud = new double[months];
        GrundtilskudMonths = new int[months];
        EffortCost = new double[months];
        InvestmentCost = new double[months];
        OneOffCost = new double[months];
        ResultSpellMonth = new int[months];
        ResultHighMonths = new int[months];
        ResultMonths = new int[months];
        ResultHigh = new double[months];
        ResultLow = new double[months];
        DanishGrant = new double[months];
        Bonus = new double[months];
        BonusPaid = new bool[months];
        ProgrammeEligible = scenario.ProgrammeEligible;
        ProgrammeMonthAtStart = scenario.ProgrammeMonthAtStart;
        InvestmentMonths = scenario.InvestmentDurationMonths;
        DanishOwnMonth = scenario.DanishTestMonth - 1;
        SupportCost = scenario.InJobSupportDurationMonths > 0 ? scenario.InJobSupportMonthlyCost : 0;
        SupportDuration = scenario.InJobSupportDurationMonths;
        JobLoss = scenario.JobLossMonthlyProbability;
        InitialClock = scenario.InitialRefusionClockMonths;
    }

    /// <summary>T: the months of the scenario's timeline.</summary>
    public int Months { get; }

    /// <summary>The first month with a cohort: nothing is priced before it.</summary>
    public int FirstMonth { get; }

    /// <summary>The calendar month of each month t.</summary>
    public DateOnly[] CalendarMonth { get; }

    /// <summary>Y_t: the benefit per person per month after the household mix (6.1).</summary>
    public double[] Benefit { get; }

    /// <summary>Municipal tax on the benefit per person on benefit (6.1).</summary>
    public double[] BenefitTax { get; }

    /// <summary>Municipal tax on earnings per self-supporting person (6.2).</summary>
    public double[] EarningsTax { get; }

    /// <summary>The terms of <see cref="EarningsTax"/> in month t, to price other earnings (the uncertainty analysis).</summary>
    public EarningsTaxTerms[] EarningsTaxTerms { get; }

    /// <summary>R(c) in month t at index t × 13 + c (6.1).</summary>
    public double[] Refusion { get; }

    /// <summary>G_t, where some cohort is in its basic-grant months (6.1, 6.2).</summary>
    public double[] Grundtilskud { get; }

    /// <summary>The programme months with a basic grant, in force in month t.</summary>
    public int[] GrundtilskudMonths { get; }

    /// <summary>K_base × (1 − ρ_effort) per person on benefit (6.1).</summary>
    public double[] EffortCost { get; }

    /// <summary>K_inv × (1 − ρ_inv) per person on benefit in an investment month (6.1).</summary>
    public double[] InvestmentCost { get; }

    /// <summary>The one-off cost per participant net of reimbursement, for a cohort starting in month t (6.3).</summary>
    public double[] OneOffCost { get; }

    /// <summary>The spell month j at which the result grant's months in a job are completed (6.4).</summary>
    public int[] ResultSpellMonth { get; }

    /// <summary>The last programme month in which a spell earns the high result grant, and any result grant.</summary>
    public int[] ResultHighMonths { get; }

    public int[] ResultMonths { get; }

    /// <summary>The high and low result grants per person, where some cohort can earn them in month t (6.4).</summary>
    public double[] ResultHigh { get; }

    public double[] ResultLow { get; }

    /// <summary>The Danish test grant per passing participant, in the calendar months where a cohort is paid it (6.5).</summary>
    public double[] DanishGrant { get; }

    /// <summary>The Danish test month of every cohort, in its own months (0-based).</summary>
    public int DanishOwnMonth { get; }

    /// <summary>The bonus per extra self-supporting person, in the Julys of the payment years (6.6).</summary>
    public double[] Bonus { get; }

    public bool[] BonusPaid { get; }

    public bool ProgrammeEligible { get; }

    public int ProgrammeMonthAtStart { get; }

    public int InvestmentMonths { get; }

    public double SupportCost { get; }

    public int SupportDuration { get; }

    public double JobLoss { get; }

    public int InitialClock { get; }

    public static (PriceTable? Table, IReadOnlyList<ParameterUse> Lineage, List<ValidationError> Errors) Build(
        ResolvedScenario scenario, ParameterStore store)
    {
        var table = new PriceTable(scenario);
        var lookup = new PriceLookup(store, scenario.StartDate);

        // The benefit first: the tax on it reads it.
        Rules.Benefit.Price(table, lookup, scenario);
        RefusionStaircase.Price(table, lookup, scenario.Prices);
        Kommuneskat.Price(table, lookup, scenario);
        Rules.Grundtilskud.Price(table, lookup, scenario);
        EffortAndInvestment.Price(table, lookup, scenario);
        Resultattilskud.Price(table, lookup, scenario);
        DanishTest.Price(table, lookup, scenario);
        Rules.Bonus.Price(table, lookup, scenario);
        return lookup.Errors.Count > 0 ? (null, [], lookup.Errors) : (table, lookup.Lineage(), []);
    }
}
