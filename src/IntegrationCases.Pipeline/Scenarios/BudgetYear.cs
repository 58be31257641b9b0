namespace IntegrationCases.Pipeline.Scenarios;

/// <summary>
/// The one place the default start date is computed (METHOD.md section 2), for the recompute run, the command
/// line and the HTTP API alike: 1 January of the year after 'today' in Europe/Copenhagen, the budget year being
/// planned. Danish time, not UTC: at 23:30 UTC on 31 December it is already the new year in Denmark.
/// </summary>
public static class BudgetYear
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>1 January of the next year in Danish time, read from the host's injected clock.</summary>
    public static DateOnly FirstDay(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new DateOnly(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Denmark).Year + 1, 1, 1);
    }
}
