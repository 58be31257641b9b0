namespace IntegrationCases.Engine;

/// <summary>The method's time unit (METHOD.md section 2): calendar months, reported in years of twelve.</summary>
internal static class Calendar
{
    public const int MonthsPerYear = 12;

    /// <summary>Whole months from the first of <paramref name="from"/>'s month to the first of <paramref name="to"/>'s.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * MonthsPerYear) + to.Month - from.Month;
}
