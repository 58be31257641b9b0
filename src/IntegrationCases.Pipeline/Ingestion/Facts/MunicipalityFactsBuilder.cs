using System.Globalization;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>A row of the mart table fact_target_group (MartSchema.FactTargetGroup).</summary>
public sealed record TargetGroupFact(
    string MunicipalityCode,
    string TargetGroup,
    string Period,
    double? FullTimePersons,
    double? Persons,
    string Source);

/// <summary>The engine's facts for every municipality of the register, the fact_target_group rows, and notes on gaps.</summary>
public sealed record MunicipalityFactsBuild(
    IReadOnlyDictionary<string, MunicipalityFacts> Facts,
    IReadOnlyList<TargetGroupFact> TargetGroupRows,
    IReadOnlyList<string> Notes);

/// <summary>
/// From curated inputs to the participants of each standard case and to τ, per municipality
/// (docs/data-formats.md 'From inputs to cases'). For a case and a municipality, in order:
/// <list type="number">
/// <item>the municipality's own extract (target-groups/*.csv): full-time persons of the latest period it gives;</item>
/// <item>Jobindsats (Y35A02 or Y36A02, rows classified by <see cref="JobindsatsCaseRule"/>): the average monthly
/// 'Antal fuldtidspersoner' in the latest calendar year in the data (the months that year has nationally);</item>
/// <item>an estimate: the municipality's DST stock of refugees and family-reunified persons (INDOPH1/INDOPH3,
/// latest year) times the ratio of Jobindsats full-time persons to that stock over the municipalities that have both;</item>
/// <item>otherwise no count (the engine then needs the scenario's participants), with a note.</item>
/// </list>
/// τ: every year of the municipality's PSKAT rate; years without one fall back to the national average in the engine.
/// When two files give the same municipality, group, period and source, the one whose path sorts last wins.
/// </summary>
public static class MunicipalityFactsBuilder
{
    public const string OwnExtractSource = "Kommunens eget udtræk";
    public const string JobindsatsSource = "Jobindsats";
    public const string EstimateSource = "Skøn";
    private const int MaxSourceLength = 256;

    public static MunicipalityFactsBuild Build(IEnumerable<CuratedData> curated, CaseCatalogue catalogue, MunicipalityRegister register)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Build(curated, catalogue.Cases.Select(c => c.Id), register);
    }

    /// <summary>The same, for an explicit list of case ids (those the mapping does not know get own-extract counts only).</summary>
    public static MunicipalityFactsBuild Build(IEnumerable<CuratedData> curated, IEnumerable<string> caseIds, MunicipalityRegister register)
    {
        ArgumentNullException.ThrowIfNull(curated);
        ArgumentNullException.ThrowIfNull(register);
        var data = curated.ToList();
        var counts = LastFileWins(data.SelectMany(d => d.TargetGroupCounts), c => (c.MunicipalityCode, c.TargetGroup, c.Period, c.Source), c => c.Lineage);
        var rates = LastFileWins(data.SelectMany(d => d.TaxRates), r => (r.MunicipalityCode, r.Year), r => r.Lineage);

        var notes = new List<string>();
        var rows = new List<TargetGroupFact>();
        var byCase = register.All.ToDictionary(m => m.Code, _ => new SortedDictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        var stock = RefugeeStock(counts, rows);
        rows.AddRange(PopulationRows(data));
        foreach (var caseId in caseIds.Distinct(StringComparer.Ordinal))
        {
            AddCaseCounts(caseId, counts, stock, register, byCase, rows, notes);
        }

        var taxByMunicipality = TaxRatesByMunicipality(rates, register, notes);
        var facts = register.All.ToDictionary(
            m => m.Code,
            m => new MunicipalityFacts(m.Code, m.Name, byCase[m.Code], taxByMunicipality.TryGetValue(m.Code, out var t) ? t : new SortedDictionary<int, double>()),
            StringComparer.Ordinal);
        var ordered = rows
            .OrderBy(r => r.MunicipalityCode, StringComparer.Ordinal).ThenBy(r => r.TargetGroup, StringComparer.Ordinal)
            .ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal)
            .ToList();
        return new MunicipalityFactsBuild(facts, ordered, notes);
    }

    /// <summary>Of records with the same key from several files, the one whose path sorts last.</summary>
    private static List<T> LastFileWins<T, TKey>(IEnumerable<T> records, Func<T, TKey> key, Func<T, Lineage> lineage) =>
        records.GroupBy(key)
            .Select(g => g.MaxBy(r => lineage(r).SourcePath, StringComparer.Ordinal)!)
            .ToList();

    /// <summary>
    /// One case's count per municipality, from the first source that has one (own extract, Jobindsats, estimate),
    /// into <paramref name="byCase"/> and the fact rows; a note names the municipalities left without.
    /// </summary>
    private static void AddCaseCounts(
        string caseId, List<TargetGroupCount> counts, Dictionary<string, double> stock, MunicipalityRegister register,
        Dictionary<string, SortedDictionary<string, double>> byCase, List<TargetGroupFact> rows, List<string> notes)
    {
        var own = OwnCounts(counts, caseId);
        var jobindsats = JobindsatsCounts(counts, caseId);
        var estimate = jobindsats is null ? null : Estimate(jobindsats.Value, stock);
        var missing = new List<string>();
        foreach (var m in register.All)
        {
            TargetGroupFact? fact = own.TryGetValue(m.Code, out var o) ? o
                : jobindsats?.Values.TryGetValue(m.Code, out var j) == true ? j
                : estimate?.TryGetValue(m.Code, out var e) == true ? e
                : null;
            if (fact?.FullTimePersons is { } fte)
            {
                byCase[m.Code][caseId] = fte;
                rows.Add(fact);
            }
            else
            {
                missing.Add(m.Code);
            }
        }

        if (missing.Count > 0)
        {
            notes.Add($"{caseId}: no count for {missing.Count} municipalities ({string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", …" : "")}); a scenario must give participants.");
        }
    }

    /// <summary>τ by municipality and year; a note counts the municipalities without a rate.</summary>
    private static Dictionary<string, IReadOnlyDictionary<int, double>> TaxRatesByMunicipality(List<MunicipalTaxRate> rates, MunicipalityRegister register, List<string> notes)
    {
        var taxByMunicipality = rates.GroupBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)new SortedDictionary<int, double>(g.ToDictionary(r => r.Year, r => r.Rate)), StringComparer.Ordinal);
        var withoutTax = register.All.Count(m => !taxByMunicipality.ContainsKey(m.Code));
        if (withoutTax > 0)
        {
            notes.Add($"kommuneskat: {withoutTax} municipalities have no rate in the data; the engine uses the national average.");
        }

        return taxByMunicipality;
    }

    private static Dictionary<string, TargetGroupFact> OwnCounts(List<TargetGroupCount> counts, string caseId) =>
        counts.Where(c => c.TargetGroup == caseId && c.FullTimePersons is not null && c.Source.StartsWith(OwnExtractSource, StringComparison.Ordinal))
            .GroupBy(c => c.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var latest = g.MaxBy(c => (PeriodEnd(c.Period), c.Period.Length == 4 ? 1 : 0))!;
                    return new TargetGroupFact(g.Key, caseId, latest.Period, latest.FullTimePersons, latest.Persons, Cut($"{latest.Source} ({latest.Lineage.SourcePath})"));
                },
                StringComparer.Ordinal);

    private readonly record struct JobindsatsYear(string Period, Dictionary<string, TargetGroupFact> Values);

    private static JobindsatsYear? JobindsatsCounts(List<TargetGroupCount> counts, string caseId)
    {
        var rows = counts.Where(c => c.TargetGroup == caseId && c.Source.StartsWith(JobindsatsSource, StringComparison.Ordinal)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var year = rows.Max(r => Year(r.Period));
        var inYear = rows.Where(r => Year(r.Period) == year).ToList();
        var months = inYear.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var period = months.Count == 12 ? year.ToString(CultureInfo.InvariantCulture) : $"{months[0]}-{months[^1]}";
        var source = Cut($"{inYear[0].Source}, gns. af {months.Count} måneder ({string.Join(", ", inYear.Select(r => r.Lineage.SourcePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})");
        var values = inYear.GroupBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .Where(g => g.Any(r => r.FullTimePersons is not null))
            .ToDictionary(
                g => g.Key,
                g => new TargetGroupFact(
                    g.Key, caseId, period,
                    g.Sum(r => r.FullTimePersons ?? 0) / months.Count,
                    g.Any(r => r.Persons is not null) ? g.Sum(r => r.Persons ?? 0) / months.Count : null,
                    source),
                StringComparer.Ordinal);
        return new JobindsatsYear(period, values);
    }

    /// <summary>
    /// The population (FOLK1A/FOLK1AM) as fact rows with target group <see cref="DstTables.Population"/>: one row per
    /// municipality, its latest period (by period end; a month before a quarter ending the same month), persons in
    /// <c>persons</c>, no full-time persons. The Power BI measure 'Nettoeffekt pr. 1.000 indbyggere' divides by it.
    /// </summary>
    private static IEnumerable<TargetGroupFact> PopulationRows(List<CuratedData> data) =>
        LastFileWins(data.SelectMany(d => d.Population), p => (p.MunicipalityCode, p.Period), p => p.Lineage)
            .GroupBy(p => p.MunicipalityCode, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => PeriodEnd(p.Period)).ThenByDescending(p => p.Period, StringComparer.Ordinal).First())
            .Select(p => new TargetGroupFact(
                p.MunicipalityCode, DstTables.Population, p.Period, null, p.Persons, Cut($"DST befolkning ({p.Lineage.SourcePath})")));

    /// <summary>The municipality's latest DST stock of refugees plus family-reunified to refugees; adds their fact rows.</summary>
    private static Dictionary<string, double> RefugeeStock(List<TargetGroupCount> counts, List<TargetGroupFact> rows)
    {
        var dst = counts.Where(c => c.Source.StartsWith("DST INDOPH", StringComparison.Ordinal)
                                    && c.TargetGroup is DstTables.Refugees or DstTables.FamilyReunifiedToRefugees).ToList();
        foreach (var c in dst)
        {
            rows.Add(new TargetGroupFact(c.MunicipalityCode, c.TargetGroup, c.Period, null, c.Persons, Cut($"{c.Source} ({c.Lineage.SourcePath})")));
        }

        if (dst.Count == 0)
        {
            return [];
        }

        // INDOPH1 before INDOPH3 when both are there (first permit: the refugees the integration effort is for).
        var table = dst.Select(c => c.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).First();
        var latest = dst.Where(c => c.Source == table).Max(c => Year(c.Period));
        return dst.Where(c => c.Source == table && Year(c.Period) == latest && c.Persons is not null)
            .GroupBy(c => c.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Persons!.Value), StringComparer.Ordinal);
    }

    private static Dictionary<string, TargetGroupFact>? Estimate(JobindsatsYear jobindsats, Dictionary<string, double> stock)
    {
        var both = jobindsats.Values.Where(kv => stock.TryGetValue(kv.Key, out var s) && s > 0).ToList();
        var denominator = both.Sum(kv => stock[kv.Key]);
        if (both.Count == 0 || denominator <= 0)
        {
            return null;
        }

        var ratio = both.Sum(kv => kv.Value.FullTimePersons!.Value) / denominator;
        var caseId = both[0].Value.TargetGroup;
        return stock.Where(kv => !jobindsats.Values.ContainsKey(kv.Key))
            .ToDictionary(
                kv => kv.Key,
                kv => new TargetGroupFact(kv.Key, caseId, jobindsats.Period, kv.Value * ratio, null,
                    Cut($"{EstimateSource}: DST-bestand af flygtninge og familiesammenførte × Jobindsats-andel ({both.Count} kommuner)")),
                StringComparer.Ordinal);
    }

    private static int Year(string period) => int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>A sortable end of a period: year × 100 + last month (a year ends in 12, a quarter in its third month).</summary>
    internal static int PeriodEnd(string period)
    {
        var year = Year(period);
        return period.Length switch
        {
            4 => year * 100 + 12,
            6 => year * 100 + (period[5] - '0') * 3,
            _ => year * 100 + int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture),
        };
    }

    private static string Cut(string s) => s.Length <= MaxSourceLength ? s : s[..(MaxSourceLength - 1)] + "…";
}
