using System.Text.Json;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// Reads a Jobindsats API v2 JSON response (<c>[{"Variables":[{"Label":…}],"Data":[[…]]}]</c>): the area is a
/// municipality name, dimension filters are label text, measures are numbers or Danish-formatted strings.
/// Rows are classified into the standard cases by <see cref="JobindsatsCaseRule"/> and summed per municipality,
/// case and month. The document is read whole (capped in size by the caller): Jobindsats responses are small.
/// </summary>
internal static class JobindsatsReader
{
    private enum Role
    {
        Area,
        Period,
        FullTimePersons,
        Persons,
        OtherMeasure,
        Age,
        Gender,
        Readiness,
        Origin,
        Other,
    }

    private sealed record Row(long Index, int Muni, string Period, string[] Dims, double? FullTime, double? Persons);

    public static CuratedData? Read(ReadOnlyMemory<byte> json, string table, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            log.Error((e.LineNumber ?? 0) + 1, null, $"Filen er ikke gyldig JSON (linje {(e.LineNumber ?? 0) + 1}, position {e.BytePositionInLine ?? 0}). Er den afkortet?");
            return null;
        }

        using (document)
        {
            var tables = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement.EnumerateArray().ToList(),
                JsonValueKind.Object => [document.RootElement],
                _ => [],
            };
            if (tables.Count == 0 || tables.Any(t => t.ValueKind != JsonValueKind.Object))
            {
                log.Error("Filen er ikke et Jobindsats-svar: forventede [{\"Variables\": [...], \"Data\": [...]}] (API v2).");
                return null;
            }

            var rows = new List<Row>();
            string[]? dimLabels = null;
            Role[]? dimRoles = null;
            long offset = 0;
            foreach (var t in tables)
            {
                if (!ReadTable(t, ref offset, register, log, rows, ref dimLabels, ref dimRoles))
                {
                    return null;
                }
            }

            if (rows.Count == 0 && !log.HasErrors)
            {
                log.Error("Svaret har ingen datarækker for de 98 kommuner.");
            }

            return log.HasErrors ? null : Classify(rows, dimLabels!, dimRoles!, table, path, hash, log, register);
        }
    }

    private static bool ReadTable(JsonElement t, ref long offset, MunicipalityRegister register, IssueLog log, List<Row> rows, ref string[]? dimLabels, ref Role[]? dimRoles)
    {
        if (!t.TryGetProperty("Variables", out var variables) || variables.ValueKind != JsonValueKind.Array
            || !t.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            log.Error(null, "Variables", "Jobindsats-svaret mangler 'Variables' eller 'Data' (API v2).");
            return false;
        }

        var labels = variables.EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("Label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : null)
            .ToArray();
        if (labels.Any(l => l is null))
        {
            log.Error(null, "Variables", "Hver variabel skal have en tekst i 'Label'.");
            return false;
        }

        var roles = labels.Select(l => RoleOf(l!)).ToArray();
        foreach (var (role, name) in new[] { (Role.Area, "Area"), (Role.Period, "Periode") })
        {
            if (roles.Count(r => r == role) != 1)
            {
                log.Error(null, name, string.Join(", ", labels), $"Svaret skal have netop én variabel '{name}'.");
                return false;
            }
        }

        if (!roles.Contains(Role.FullTimePersons) && !roles.Contains(Role.Persons))
        {
            log.Error(null, "Antal fuldtidspersoner", string.Join(", ", labels), "Svaret har hverken 'Antal fuldtidspersoner' eller 'Antal personer'.");
            return false;
        }

        var dimIdx = Enumerable.Range(0, roles.Length).Where(i => roles[i] >= Role.Age).ToArray();
        var theseLabels = dimIdx.Select(i => labels[i]!).ToArray();
        if (dimLabels is not null && !dimLabels.SequenceEqual(theseLabels))
        {
            log.Error(null, "Variables", "Svarets tabeller har forskellige variable.");
            return false;
        }

        dimLabels = theseLabels;
        dimRoles = [.. dimIdx.Select(i => roles[i])];
        var area = Array.IndexOf(roles, Role.Area);
        var period = Array.IndexOf(roles, Role.Period);
        var fte = Array.IndexOf(roles, Role.FullTimePersons);
        var persons = Array.IndexOf(roles, Role.Persons);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        long index = offset;
        foreach (var r in data.EnumerateArray())
        {
            index++;
            if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != labels.Length)
            {
                log.Error(index, null, Cut(r), $"Rækken skal være en liste med {labels.Length} værdier (én pr. variabel).");
                continue;
            }

            var cells = r.EnumerateArray().ToArray();
            var areaText = Text(cells[area]);
            var periodText = Text(cells[period]);
            if (areaText is null || periodText is null || dimIdx.Any(i => Text(cells[i]) is null))
            {
                log.Error(index, null, Cut(r), "Område, periode og dimensioner skal være tekst.");
                continue;
            }

            var resolution = register.Resolve(areaText);
            if (resolution.Kind == AreaKind.Unknown)
            {
                log.Error(index, labels[area], areaText, "Ukendt kommunenavn.");
                continue;
            }

            if (!PeriodCode.TryNormalise(periodText, out var p, out _, out var month) || p.Length != 7)
            {
                log.Error(index, labels[period], periodText, "Jobindsats-perioden skal være en måned (fx 2025M01) fra 2007.");
                continue;
            }

            var dims = dimIdx.Select(i => Intern(interned, Text(cells[i])!)).ToArray();
            var key = $"{areaText}\u001F{p}\u001F{string.Join('\u001F', dims)}";
            if (!seen.TryAdd(key, index))
            {
                log.Error(index, null, Cut(r), $"Rækken er en gentagelse af række {seen[key]}.");
                continue;
            }

            if (resolution.Kind == AreaKind.NotMunicipality)
            {
                continue;
            }

            var ok = true;
            var f = fte < 0 ? null : Measure(cells[fte], index, labels[fte]!, log, ref ok);
            var n = persons < 0 ? null : Measure(cells[persons], index, labels[persons]!, log, ref ok);
            if (ok)
            {
                rows.Add(new Row(index, IndexOf(register, resolution.Municipality!.Code), p, dims, f, n));
            }
        }

        offset = index; // rows of a following table go on numbering
        return true;
    }

    private static CuratedData Classify(List<Row> rows, string[] labels, Role[] roles, string table, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        // A dimension with detail values: its total rows ('I alt') would count everyone twice, so they are skipped.
        var hasDetail = Enumerable.Range(0, labels.Length).Select(d => rows.Any(r => !DstTables.IsTotal(r.Dims[d]))).ToArray();
        int Dim(Role role) => Array.FindIndex(roles, r => r == role) is var i && i >= 0 && hasDetail[i] ? i : -1;
        var age = Dim(Role.Age);
        var gender = Dim(Role.Gender);
        var readiness = Dim(Role.Readiness);
        var origin = Dim(Role.Origin);
        var rules = JobindsatsCaseRule.All.Where(r => r.Table == table).ToList();
        var usable = new List<JobindsatsCaseRule>();
        foreach (var rule in rules)
        {
            var missing = new List<string>();
            if (rule.NeedsAge && age < 0) missing.Add("alder");
            if (rule.Readiness is not null && readiness < 0) missing.Add("visitationskategori");
            if (rule.WomenOnly && gender < 0) missing.Add("køn");
            if (rule.NonWesternImmigrantsOnly && origin < 0) missing.Add("oprindelse");
            if (missing.Count > 0)
            {
                log.Warn(null, null, rule.CaseId, $"{table} er ikke opdelt på {string.Join(" og ", missing)}; casen {rule.CaseId} kan ikke opgøres fra filen.");
            }
            else
            {
                usable.Add(rule);
            }
        }

        var bands = new Dictionary<string, AgeBand?>(StringComparer.Ordinal);
        var warnedBands = new HashSet<(string, string)>();
        var acc = new SortedDictionary<(string Muni, string Case, string Period), (double? Fte, double? Persons, long First)>();
        foreach (var row in rows)
        {
            if (Enumerable.Range(0, labels.Length).Any(d => hasDetail[d] && DstTables.IsTotal(row.Dims[d])))
            {
                continue;
            }

            foreach (var rule in usable)
            {
                if (!Matches(rule, row, age, gender, readiness, origin, bands, warnedBands, labels, log))
                {
                    continue;
                }

                var k = (register.All[row.Muni].Code, rule.CaseId, row.Period);
                acc.TryGetValue(k, out var a);
                acc[k] = (Add(a.Fte, row.FullTime), Add(a.Persons, row.Persons), a.First == 0 ? row.Index : a.First);
            }
        }

        foreach (var (row, count) in rows.Where(r => r.FullTime is null && r.Persons is null).Take(1).Select(r => (r, rows.Count(x => x.FullTime is null && x.Persons is null))))
        {
            log.Warn(row.Index, null, default, $"{count} rækker har ingen værdi (undertrykt eller mangler); de regnes som ukendte, ikke som 0.");
        }

        var present = rows.Select(r => r.Muni).ToHashSet();
        var absent = Enumerable.Range(0, register.All.Count).Where(i => !present.Contains(i)).Select(i => register.All[i].Name).ToList();
        if (absent.Count > 0)
        {
            log.Warn(null, null, string.Join(", ", absent), $"{absent.Count} kommuner har ingen rækker i {table}.");
        }

        var source = $"Jobindsats {table}";
        return CuratedData.Empty with
        {
            TargetGroupCounts = [.. acc.Select(kv => new TargetGroupCount(kv.Key.Muni, kv.Key.Case, kv.Key.Period, kv.Value.Fte, kv.Value.Persons, source, new Lineage(path, hash, kv.Value.First)))],
        };
    }

    private static bool Matches(JobindsatsCaseRule rule, Row row, int age, int gender, int readiness, int origin,
        Dictionary<string, AgeBand?> bands, HashSet<(string, string)> warned, string[] labels, IssueLog log)
    {
        if (rule.NeedsAge && age >= 0)
        {
            var label = row.Dims[age];
            if (!bands.TryGetValue(label, out var band))
            {
                band = AgeBand.TryParse(label, out var b) ? b : null;
                bands[label] = band;
                if (band is null)
                {
                    log.Warn(row.Index, labels[age], label, "Aldersgruppen kan ikke læses; rækkerne tælles ikke med i de aldersafgrænsede cases.");
                }
            }

            var fits = band is { } bb ? rule.AgeFits(bb) : false;
            if (fits is null && warned.Add((rule.CaseId, label)))
            {
                log.Warn(row.Index, labels[age], label, $"Aldersgruppen går på tværs af aldersgrænsen for {rule.CaseId} og tælles ikke med.");
            }

            if (fits != true)
            {
                return false;
            }
        }

        if (rule.Readiness is { } wanted && ReadinessOf(row.Dims[readiness]) != wanted)
        {
            return false;
        }

        if (rule.WomenOnly && !row.Dims[gender].Trim().StartsWith("kvind", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !rule.NonWesternImmigrantsOnly || IsNonWesternImmigrant(row.Dims[origin]);
    }

    private static Readiness ReadinessOf(string label)
    {
        var s = label.Trim();
        return s.StartsWith("jobparat", StringComparison.OrdinalIgnoreCase) ? Readiness.JobReady
            : s.StartsWith("aktivitetsparat", StringComparison.OrdinalIgnoreCase) ? Readiness.ActivityReady
            : Readiness.Other;
    }

    private static bool IsNonWesternImmigrant(string label)
    {
        var s = label.Trim().ToLowerInvariant().Replace('-', ' ');
        return s.StartsWith("indvandrere", StringComparison.Ordinal) && s.Contains("ikke vestlig", StringComparison.Ordinal);
    }

    private static Role RoleOf(string label)
    {
        var s = label.Trim().ToLowerInvariant();
        return s switch
        {
            "area" or "område" or "omraade" or "kommune" => Role.Area,
            "periode" or "period" or "tid" or "måned" => Role.Period,
            _ when s.Contains("fuldtidspersoner", StringComparison.Ordinal) && s.StartsWith("antal", StringComparison.Ordinal) => Role.FullTimePersons,
            "antal personer" => Role.Persons,
            _ when s.StartsWith("antal", StringComparison.Ordinal) || s.Contains("pct", StringComparison.Ordinal) || s.Contains("procent", StringComparison.Ordinal) => Role.OtherMeasure,
            _ when s.Contains("alder", StringComparison.Ordinal) => Role.Age,
            _ when s.Contains("køn", StringComparison.Ordinal) || s == "_kon" => Role.Gender,
            _ when s.Contains("visitation", StringComparison.Ordinal) || s.Contains("målgruppe", StringComparison.Ordinal) || s.Contains("maalgrp", StringComparison.Ordinal) => Role.Readiness,
            _ when s.Contains("oprind", StringComparison.Ordinal) || s.Contains("herkomst", StringComparison.Ordinal) => Role.Origin,
            _ => Role.Other,
        };
    }

    private static double? Measure(JsonElement cell, long index, string label, IssueLog log, ref bool ok)
    {
        double value;
        switch (cell.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when cell.TryGetDouble(out var d) && double.IsFinite(d):
                value = d;
                break;
            case JsonValueKind.String:
                var text = cell.GetString()!;
                var reading = DanishNumber.Read(text, out value);
                if (reading == NumberReading.Missing)
                {
                    return null;
                }

                if (reading != NumberReading.Number)
                {
                    log.Error(index, label, text, DanishNumber.Explain(reading));
                    ok = false;
                    return null;
                }

                break;
            default:
                log.Error(index, label, cell.GetRawText(), "Værdien skal være et tal, en tekst med et tal eller null.");
                ok = false;
                return null;
        }

        if (value < 0)
        {
            log.Error(index, label, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "Et antal kan ikke være negativt.");
            ok = false;
        }
        else if (value > DstReader.MaxPersons)
        {
            log.Error(index, label, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "Tallet er urimeligt stort: flere personer end der bor i Danmark.");
            ok = false;
        }

        return value;
    }

    private static double? Add(double? a, double? b) => a is null ? b : b is null ? a : a + b;

    private static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static string Intern(Dictionary<string, string> pool, string s)
    {
        if (!pool.TryGetValue(s, out var v))
        {
            pool[s] = v = s;
        }

        return v;
    }

    private static string Cut(JsonElement e)
    {
        var raw = e.GetRawText();
        return raw.Length > 200 ? raw[..200] : raw;
    }

    private static int IndexOf(MunicipalityRegister register, string code)
    {
        for (var i = 0; i < register.All.Count; i++)
        {
            if (register.All[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
