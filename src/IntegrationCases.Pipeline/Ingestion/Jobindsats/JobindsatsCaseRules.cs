namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>A 'visitationskategori' as Jobindsats labels it.</summary>
internal enum Readiness
{
    JobReady,
    ActivityReady,
    Other,
}

/// <summary>
/// Which Jobindsats rows count towards a standard case (docs/data-formats.md 'From inputs to cases').
/// An age band counts when it lies wholly inside [<see cref="MinAge"/>, <see cref="MaxAge"/>].
/// </summary>
internal sealed record JobindsatsCaseRule(
    string CaseId,
    string Table,
    int? MinAge,
    int? MaxAge,
    Readiness? Readiness,
    bool WomenOnly,
    bool NonWesternImmigrantsOnly)
{
    public const string IntegrationBenefitTable = "Y35A02";
    public const string CashBenefitTable = "Y36A02";

    public static IReadOnlyList<string> Tables { get; } = [IntegrationBenefitTable, CashBenefitTable];

    public static IReadOnlyList<JobindsatsCaseRule> All { get; } =
    [
        new(StandardCases.NewlyArrivedJobReady30, IntegrationBenefitTable, 30, null, Ingestion.Readiness.JobReady, false, false),
        new(StandardCases.NewlyArrivedActivityReady30, IntegrationBenefitTable, 30, null, Ingestion.Readiness.ActivityReady, false, false),
        new(StandardCases.NewlyArrivedYoung, IntegrationBenefitTable, null, 29, null, false, false),
        new(StandardCases.NewlyArrivedWomen40, IntegrationBenefitTable, null, 39, null, true, false),
        new(StandardCases.Igu, IntegrationBenefitTable, null, 39, Ingestion.Readiness.JobReady, false, false),
        new(StandardCases.CashBenefitJobReady30, CashBenefitTable, 30, null, Ingestion.Readiness.JobReady, false, true),
        new(StandardCases.CashBenefitActivityReady30, CashBenefitTable, 30, null, Ingestion.Readiness.ActivityReady, false, true),
    ];

    public bool NeedsAge => MinAge is not null || MaxAge is not null;

    /// <summary>True inside, false outside, null when the band straddles a bound.</summary>
    public bool? AgeFits(AgeBand band)
    {
        var inside = (MinAge is null || band.From >= MinAge) && (MaxAge is null || band.To <= MaxAge);
        var outside = (MinAge is not null && band.To < MinAge) || (MaxAge is not null && band.From > MaxAge);
        return inside ? true : outside ? false : null;
    }
}

/// <summary>An age band read from a label: '16-29 år', '30 år og derover', 'Under 30 år', '60+ år'.</summary>
internal readonly record struct AgeBand(int From, int To)
{
    public const int Open = 200;

    public static bool TryParse(string label, out AgeBand band)
    {
        band = default;
        var s = label.Trim().ToLowerInvariant();
        var numbers = System.Text.RegularExpressions.Regex.Matches(s, @"\d+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (numbers.Count == 0 || numbers.Any(n => n > 150))
        {
            return false;
        }

        if (s.StartsWith("under", StringComparison.Ordinal) && numbers.Count == 1)
        {
            band = new AgeBand(0, numbers[0] - 1);
            return true;
        }

        if (numbers.Count == 2 && numbers[0] <= numbers[1])
        {
            band = new AgeBand(numbers[0], numbers[1]);
            return true;
        }

        if (numbers.Count == 1 && (s.Contains("over", StringComparison.Ordinal) || s.Contains('+') || s.Contains("ældre", StringComparison.Ordinal)))
        {
            band = new AgeBand(numbers[0], Open);
            return true;
        }

        if (numbers.Count == 1 && System.Text.RegularExpressions.Regex.IsMatch(s, @"^\d+( år)?$"))
        {
            band = new AgeBand(numbers[0], numbers[0]);
            return true;
        }

        return false;
    }
}
