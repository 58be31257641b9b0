using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>
/// What the engine knows of each municipality, from the curated data (pure): per standard case the full-time
/// persons of the case's target group in the latest period that has them (ties: the source name, ordinal,
/// then the later file), and the 'kommuneskat' rate per year (the later file wins).
/// </summary>
public static class MunicipalityFactsBuilder
{
    public static IReadOnlyDictionary<string, MunicipalityFacts> Build(
        MunicipalityRegister register, CaseCatalogue catalogue, IReadOnlyList<TargetGroupCount> counts, IReadOnlyList<MunicipalTaxRate> taxRates)
    {
        var casesByGroup = catalogue.Cases.GroupBy(c => c.TargetGroup, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.Ordinal);
        var latest = counts
            .Where(c => c.FullTimePersons is { } v && double.IsFinite(v) && v >= 0)
            .GroupBy(c => (c.MunicipalityCode, c.TargetGroup))
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(c => PeriodKey(c.Period)).ThenBy(c => c.Source, StringComparer.Ordinal)
                      .ThenBy(c => c.Lineage.SourcePath, StringComparer.Ordinal).ThenBy(c => c.Lineage.Row).Last().FullTimePersons!.Value);
        var rates = taxRates
            .GroupBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<int, double>)g.OrderBy(r => r.Lineage.SourcePath, StringComparer.Ordinal).ThenBy(r => r.Lineage.Row)
                    .GroupBy(r => r.Year).OrderBy(y => y.Key).ToDictionary(y => y.Key, y => y.Last().Rate),
                StringComparer.Ordinal);

        var facts = new SortedDictionary<string, MunicipalityFacts>(StringComparer.Ordinal);
        foreach (var m in register.All)
        {
            var byCase = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var ((code, group), persons) in latest)
            {
                if (code == m.Code && casesByGroup.TryGetValue(group, out var caseIds))
                {
                    foreach (var id in caseIds)
                    {
                        byCase[id] = persons;
                    }
                }
            }

            facts[m.Code] = new MunicipalityFacts(
                m.Code, m.Name, byCase, rates.TryGetValue(m.Code, out var r) ? r : new Dictionary<int, double>());
        }

        return facts;
    }

    /// <summary>Orders period codes: 2024 (the whole year) after 2024K4 and 2024M12 of the same year.</summary>
    public static (int Year, int Month) PeriodKey(string period)
    {
        var year = period.Length >= 4 && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        var rest = period.Length > 4 ? period[4..] : "";
        var month = rest switch
        {
            "" => 13,
            ['K' or 'Q', var q] when q is >= '1' and <= '4' => (q - '0') * 3,
            ['M', _, _] when int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var mm) => mm,
            _ => 0,
        };
        return (year, month);
    }
}

/// <summary>
/// <c>mart/latest/municipality-facts.json</c>: a JSON object keyed by municipality code of the engine's
/// <see cref="MunicipalityFacts"/> (camelCase), which the CLI's <c>evaluate --data</c> and the HTTP API read
/// to default participants and the tax rate.
/// </summary>
public static class MunicipalityFactsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static byte[] Serialize(IReadOnlyDictionary<string, MunicipalityFacts> facts) =>
        JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, MunicipalityFacts>(facts.ToDictionary(), StringComparer.Ordinal), Options);

    public static IReadOnlyDictionary<string, MunicipalityFacts> Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<Dictionary<string, MunicipalityFacts>>(utf8, Options)
        ?? throw new JsonException("municipality-facts.json is empty.");
}
