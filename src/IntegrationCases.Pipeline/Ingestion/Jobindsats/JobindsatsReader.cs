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

            var response = new Response(register, log);
            foreach (var t in tables)
            {
                if (!response.ReadTable(t))
                {
                    return null;
                }
            }

            if (response.Rows.Count == 0 && !log.HasErrors)
            {
                log.Error("Svaret har ingen datarækker for de 98 kommuner.");
            }

            return log.HasErrors ? null : Classify(response.Rows, response.DimLabels!, response.DimRoles!, table, path, hash, log, register);
        }
    }

    /// <summary>Where a table's variables stand in each of its data rows (-1: the table has no such measure).</summary>
    private sealed record Layout(string[] Labels, int Area, int Period, int FullTime, int Persons, int[] Dims);

    /// <summary>
    /// The tables of one response, read in turn: their rows, numbered on from one table to the next, and the
    /// dimension variables, which every table must share.
    /// </summary>
    private sealed class Response(MunicipalityRegister register, IssueLog log)
    {
        private long _offset;

        public List<Row> Rows { get; } = [];

        public string[]? DimLabels { get; private set; }

        public Role[]? DimRoles { get; private set; }

        public bool ReadTable(JsonElement t)
        {
            if (!t.TryGetProperty("Variables", out var variables) || variables.ValueKind != JsonValueKind.Array
                || !t.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                log.Error(null, "Variables", "Jobindsats-svaret mangler 'Variables' eller 'Data' (API v2).");
                return false;
            }

            if (ReadLayout(variables) is not { } layout)
            {
                return false;
            }

            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            var interned = new Dictionary<string, string>(StringComparer.Ordinal);
            long index = _offset;
            foreach (var r in data.EnumerateArray())
            {
                index++;
                ReadRow(r, index, layout, seen, interned);
            }

            _offset = index; // rows of a following table go on numbering
            return true;
        }

        /// <summary>The table's variables by role; null, with the error logged, when one it needs is missing or twice.</summary>
        private Layout? ReadLayout(JsonElement variables)
        {
            var given = variables.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("Label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : null)
                .ToArray();
            if (given.Any(l => l is null))
            {
                log.Error(null, "Variables", "Hver variabel skal have en tekst i 'Label'.");
                return null;
            }

            string[] labels = [.. given.Select(l => l!)];
            var roles = labels.Select(RoleOf).ToArray();
            foreach (var (role, name) in new[] { (Role.Area, "Area"), (Role.Period, "Periode") })
            {
                if (roles.Count(r => r == role) != 1)
                {
                    log.Error(null, name, string.Join(", ", labels), $"Svaret skal have netop én variabel '{name}'.");
                    return null;
                }
            }

            if (!roles.Contains(Role.FullTimePersons) && !roles.Contains(Role.Persons))
            {
                log.Error(null, "Antal fuldtidspersoner", string.Join(", ", labels), "Svaret har hverken 'Antal fuldtidspersoner' eller 'Antal personer'.");
                return null;
            }

            var dimIdx = Enumerable.Range(0, roles.Length).Where(i => roles[i] >= Role.Age).ToArray();
            var theseLabels = dimIdx.Select(i => labels[i]).ToArray();
            if (DimLabels is not null && !DimLabels.SequenceEqual(theseLabels))
            {
                log.Error(null, "Variables", "Svarets tabeller har forskellige variable.");
                return null;
            }

            DimLabels = theseLabels;
            DimRoles = [.. dimIdx.Select(i => roles[i])];
            return new Layout(labels, Array.IndexOf(roles, Role.Area), Array.IndexOf(roles, Role.Period),
                Array.IndexOf(roles, Role.FullTimePersons), Array.IndexOf(roles, Role.Persons), dimIdx);
        }

        // A row of a municipality is kept when its measures read; other areas are only checked for repeats.
        private void ReadRow(JsonElement r, long index, Layout layout, Dictionary<string, long> seen, Dictionary<string, string> interned)
        {
            var labels = layout.Labels;
            if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != labels.Length)
            {
                log.Error(index, null, Cut(r), $"Rækken skal være en liste med {labels.Length} værdier (én pr. variabel).");
                return;
            }

            var cells = r.EnumerateArray().ToArray();
            var areaText = Text(cells[layout.Area]);
            var periodText = Text(cells[layout.Period]);
            if (areaText is null || periodText is null || layout.Dims.Any(i => Text(cells[i]) is null))
            {
                log.Error(index, null, Cut(r), "Område, periode og dimensioner skal være tekst.");
                return;
            }

            var resolution = register.Resolve(areaText);
            if (resolution.Kind == AreaKind.Unknown)
            {
                log.Error(index, labels[layout.Area], areaText, "Ukendt kommunenavn.");
                return;
            }

            if (!PeriodCode.TryNormalise(periodText, out var p, out _, out _) || p.Length != 7)
            {
                log.Error(index, labels[layout.Period], periodText, "Jobindsats-perioden skal være en måned (fx 2025M01) fra 2007.");
                return;
            }

            var dims = layout.Dims.Select(i => Intern(interned, Text(cells[i])!)).ToArray();
            var key = $"{areaText}\u001F{p}\u001F{string.Join('\u001F', dims)}";
            if (!seen.TryAdd(key, index))
            {
                log.Error(index, null, Cut(r), $"Rækken er en gentagelse af række {seen[key]}.");
                return;
            }

            if (resolution.Kind == AreaKind.NotMunicipality)
            {
                return;
            }

            var ok = true;
            var f = layout.FullTime < 0 ? null : Measure(cells[layout.FullTime], index, labels[layout.FullTime], log, ref ok);
            var n = layout.Persons < 0 ? null : Measure(cells[layout.Persons], index, labels[layout.Persons], log, ref ok);
            if (ok)
            {
                Rows.Add(new Row(index, IndexOf(register, resolution.Municipality!.Code), p, dims, f, n));
            }
        }
    }

    private static CuratedData Classify(List<Row> rows, string[] labels, Role[] roles, string table, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        // A dimension with detail values: its total rows ('I alt') would count everyone twice, so they are skipped.
        var hasDetail = Enumerable.Range(0, labels.Length).Select(d => rows.Any(r => !DstTables.IsTotal(r.Dims[d]))).ToArray();
        var matcher = new CaseMatcher(labels, roles, hasDetail, log);
        var usable = matcher.UsableRules(table);
        var acc = new SortedDictionary<(string Muni, string Case, string Period), (double? Fte, double? Persons, long First)>();
        foreach (var row in rows.Where(r => !matcher.IsDoubleCount(r)))
        {
            foreach (var rule in usable)
            {
                if (!matcher.Matches(rule, row))
                {
                    continue;
                }

                var k = (register.All[row.Muni].Code, rule.CaseId, row.Period);
                acc.TryGetValue(k, out var a);
                acc[k] = (Add(a.Fte, row.FullTime), Add(a.Persons, row.Persons), a.First == 0 ? row.Index : a.First);
            }
        }

        WarnAboutGaps(rows, table, log, register);
        var source = $"Jobindsats {table}";
        return CuratedData.Empty with
        {
            TargetGroupCounts = [.. acc.Select(kv => new TargetGroupCount(kv.Key.Muni, kv.Key.Case, kv.Key.Period, kv.Value.Fte, kv.Value.Persons, source, new Lineage(path, hash, kv.Value.First)))],
        };
    }

    // Rows without any value and municipalities without any row are not errors, but the user should know.
    private static void WarnAboutGaps(List<Row> rows, string table, IssueLog log, MunicipalityRegister register)
    {
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
    }

    /// <summary>
    /// Which rows a case rule counts, by the dimensions it looks at (age, gender, readiness, origin), each used only
    /// when the response splits on it. Age labels are read once each, so an unreadable or straddling band is warned
    /// about once, not for every row.
    /// </summary>
    private sealed class CaseMatcher
    {
        private readonly string[] _labels;
        private readonly bool[] _hasDetail;
        private readonly IssueLog _log;
        private readonly int _age, _gender, _readiness, _origin;
        private readonly Dictionary<string, AgeBand?> _bands = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string)> _warned = new();

        public CaseMatcher(string[] labels, Role[] roles, bool[] hasDetail, IssueLog log)
        {
            (_labels, _hasDetail, _log) = (labels, hasDetail, log);
            int Dim(Role role) => Array.FindIndex(roles, r => r == role) is var i && i >= 0 && hasDetail[i] ? i : -1;
            _age = Dim(Role.Age);
            _gender = Dim(Role.Gender);
            _readiness = Dim(Role.Readiness);
            _origin = Dim(Role.Origin);
        }

        /// <summary>The table's rules whose dimensions the response has; the others are warned about.</summary>
        public List<JobindsatsCaseRule> UsableRules(string table)
        {
            var usable = new List<JobindsatsCaseRule>();
            foreach (var rule in JobindsatsCaseRule.All.Where(r => r.Table == table).ToList())
            {
                var missing = new List<string>();
                if (rule.NeedsAge && _age < 0) missing.Add("alder");
                if (rule.Readiness is not null && _readiness < 0) missing.Add("visitationskategori");
                if (rule.WomenOnly && _gender < 0) missing.Add("køn");
                if (rule.NonWesternImmigrantsOnly && _origin < 0) missing.Add("oprindelse");
                if (missing.Count > 0)
                {
                    _log.Warn(null, null, rule.CaseId, $"{table} er ikke opdelt på {string.Join(" og ", missing)}; casen {rule.CaseId} kan ikke opgøres fra filen.");
                }
                else
                {
                    usable.Add(rule);
                }
            }

            return usable;
        }

        /// <summary>A total row ('I alt') of a dimension that also has detail rows: counting it would count everyone twice.</summary>
        public bool IsDoubleCount(Row row) =>
            Enumerable.Range(0, _labels.Length).Any(d => _hasDetail[d] && DstTables.IsTotal(row.Dims[d]));

        public bool Matches(JobindsatsCaseRule rule, Row row)
        {
            if (rule.NeedsAge && _age >= 0 && !InAgeBand(rule, row))
            {
                return false;
            }

            if (rule.Readiness is { } wanted && ReadinessOf(row.Dims[_readiness]) != wanted)
            {
                return false;
            }

            if (rule.WomenOnly && !row.Dims[_gender].Trim().StartsWith("kvind", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return !rule.NonWesternImmigrantsOnly || IsNonWesternImmigrant(row.Dims[_origin]);
        }

        // Only a band wholly inside the rule's ages counts; an unreadable or straddling one is warned about.
        private bool InAgeBand(JobindsatsCaseRule rule, Row row)
        {
            var label = row.Dims[_age];
            if (!_bands.TryGetValue(label, out var band))
            {
                band = AgeBand.TryParse(label, out var b) ? b : null;
                _bands[label] = band;
                if (band is null)
                {
                    _log.Warn(row.Index, _labels[_age], label, "Aldersgruppen kan ikke læses; rækkerne tælles ikke med i de aldersafgrænsede cases.");
                }
            }

            var fits = band is { } bb ? rule.AgeFits(bb) : false;
            if (fits is null && _warned.Add((rule.CaseId, label)))
            {
                _log.Warn(row.Index, _labels[_age], label, $"Aldersgruppen går på tværs af aldersgrænsen for {rule.CaseId} og tælles ikke med.");
            }

            return fits == true;
        }
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
                if (!DanishNumber.TryReadCell(cell.GetString()!, index, label, log, out var read))
                {
                    ok = false;
                    return null;
                }

                if (read is not { } number)
                {
                    return null;
                }

                value = number;
                break;
            default:
                log.Error(index, label, cell.GetRawText(), "Værdien skal være et tal, en tekst med et tal eller null.");
                ok = false;
                return null;
        }

        if (DstReader.CountProblem(value) is { } problem)
        {
            log.Error(index, label, value.ToString(System.Globalization.CultureInfo.InvariantCulture), problem);
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
