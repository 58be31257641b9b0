using IntegrationCases.Engine.Results;
using IntegrationCases.Engine.Scenarios;

namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// The persons who start in one year of a scenario (METHOD.md 3a): its resolved plan grouped by the scenario year
/// each cohort starts in. Year 1 is the first 12 months from the scenario's start date, as in the cashflow, so with
/// a January start the years are budget years. The mart's <c>dim_scenario_intake</c>, the extracts' plan and the
/// CLI's table all read it.
/// </summary>
public sealed record IntakeYear(int Year, DateOnly FirstMonth, int Cohorts, double Persons)
{
    private const int MonthsPerYear = 12;

    /// <summary>Only the years in which a cohort starts, in order; persons summed in the plan's own (start) order.</summary>
    public static IReadOnlyList<IntakeYear> Of(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            .. result.Cohorts
                .GroupBy(c => YearOf(result.StartDate, c))
                .OrderBy(g => g.Key)
                .Select(g => new IntakeYear(g.Key, FirstMonthOf(result.StartDate, g.Key), g.Count(), Sum(g))),
        ];
    }

    /// <summary>The scenario year (1-based) a cohort starts in.</summary>
    public static int YearOf(DateOnly scenarioStart, Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var months = ((cohort.StartDate.Year - scenarioStart.Year) * MonthsPerYear) + cohort.StartDate.Month - scenarioStart.Month;
        return (months / MonthsPerYear) + 1;
    }

    /// <summary>The first month of a scenario year (1-based).</summary>
    public static DateOnly FirstMonthOf(DateOnly scenarioStart, int year) => scenarioStart.AddMonths(MonthsPerYear * (year - 1));

    private static double Sum(IEnumerable<Cohort> cohorts)
    {
        var sum = 0.0;
        foreach (var cohort in cohorts)
        {
            sum += cohort.Participants;
        }

        return sum;
    }
}
