using System.Numerics;
using System.Runtime.InteropServices;
using IntegrationCases.Pipeline.Municipalities;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// Reads a Statistikbanken extract as the API returns it, CSV or BULK (';', header by name, decimal comma,
/// '..' or an empty cell for a suppressed value, absent BULK rows mean 0), streaming row by row. Rows are
/// aggregated to one value per municipality, group and period while reading, so memory grows with the number of
/// distinct keys (and one 16-byte entry per row for duplicate detection), not with the file.
/// </summary>
internal static class DstReader
{
    /// <summary>More persons than live in Denmark: an absurd count.</summary>
    public const double MaxPersons = 10_000_000;

    private const string AbsurdCount = "Tallet er urimeligt stort: flere personer end der bor i Danmark.";

    /// <summary>A municipal tax rate outside 10-40 % is not a tax rate (2007-2026 rates lie between 22 and 27.8 %).</summary>
    public const double MinTaxPercent = 10;

    public const double MaxTaxPercent = 40;

    private const int MaxOtherDimensions = 16;

    /// <summary>Why a value cannot be a count (negative, or above <see cref="MaxPersons"/>); null when it can.</summary>
    public static string? CountProblem(double value) =>
        value < 0 ? "Et antal kan ikke være negativt." : value > MaxPersons ? AbsurdCount : null;

    public static CuratedData? Read(TextReader text, LineGuardReader guard, DstTableSpec spec, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        using var reader = Sep.New(';').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = true }).From(text);
        var state = new State(spec, register, log);
        long lastLine = 0;
        foreach (var row in reader)
        {
            var line = row.RowIndex + 1L;
            if (guard.Overflowed && line >= guard.OverflowLine)
            {
                break; // the cut-off line is not a row
            }

            lastLine = line;
            if (state.Header is null)
            {
                if (!state.ReadHeader(row))
                {
                    return null;
                }

                continue;
            }

            if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
            {
                continue; // a blank line (the trailing newline of many exports)
            }

            state.ReadRow(row, line);
        }

        if (guard.Overflowed)
        {
            log.Error(guard.OverflowLine, null, $"Linjen er længere end {guard.MaxLineLength} tegn. Filen afvises; en DST-udtræksrække er kort, så filen er næppe et DST-udtræk.");
        }
        else if (state.Header is null)
        {
            log.Error("Filen er tom.");
        }
        else if (state.DataRows == 0)
        {
            log.Error(lastLine, null, "Filen har kun en overskrift og ingen datarækker.");
        }
        else if (!log.HasErrors && state.KeptRows == 0)
        {
            log.Error($"Filen har ingen rækker, der kan bruges fra {spec.Table} ({spec.Description}) for de 98 kommuner.");
        }

        return log.HasErrors ? null : state.Build(path, hash);
    }

    private sealed class Acc
    {
        public double Sum;
        public int Known;
        public int Missing;
        public long FirstLine;
    }

    private sealed class State(DstTableSpec spec, MunicipalityRegister register, IssueLog log)
    {
        private readonly Dictionary<string, int> _areaCache = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _periodCache = new(StringComparer.Ordinal);
        private readonly List<(string Period, int Year, bool IsYear)> _periods = [];
        private readonly Dictionary<string, int> _groupCache = new(StringComparer.Ordinal);
        private readonly List<string?> _groups = [];
        private readonly Dictionary<ulong, long> _seen = [];
        private readonly Dictionary<long, Acc> _acc = [];
        private readonly IReadOnlyList<Municipality> _municipalities = register.All;
        private int _area = -1, _time = -1, _value = -1, _key = -1;
        private int[] _others = [];

        public CsvHeader? Header { get; private set; }

        public long DataRows { get; private set; }

        public long KeptRows { get; private set; }

        public bool ReadHeader(SepReader.Row row)
        {
            Header = CsvHeader.Read(row[0..row.ColCount].ToStringsArray(), log);
            if (Header is null)
            {
                return false;
            }

            _area = Header.IndexOf("OMRÅDE", "OMRADE", "OMRAADE", "KOMK", "KOMMUNE");
            _time = Header.IndexOf("TID", "TIME");
            _value = Header.IndexOf("INDHOLD", "CONTENT", "VALUE");
            _key = spec.KeyColumns.Count == 0 ? -1 : Header.IndexOf([.. spec.KeyColumns]);
            var ok = true;
            foreach (var (index, name) in new[] { (_area, "OMRÅDE"), (_time, "TID"), (_value, "INDHOLD") })
            {
                if (index < 0)
                {
                    Header.ReportMissing(name, log);
                    ok = false;
                }
            }

            if (spec.KeyRequired && _key < 0)
            {
                Header.ReportMissing(spec.KeyColumns[0], log);
                ok = false;
            }

            _others = [.. Enumerable.Range(0, Header.Count).Where(i => i != _area && i != _time && i != _value && i != _key)];
            if (_others.Length > MaxOtherDimensions)
            {
                log.Error(1, null, $"Overskriften har {Header.Count} kolonner; et DST-udtræk her har højst {MaxOtherDimensions + 4}.");
                ok = false;
            }

            if (!ok)
            {
                Header = null;
            }

            return ok;
        }

        public void ReadRow(SepReader.Row row, long line)
        {
            DataRows++;
            if (row.ColCount != Header!.Count)
            {
                log.Error(line, null, row.Span, $"Rækken har {row.ColCount} felter, men overskriften har {Header.Count}. Er filen afkortet, eller mangler der et skilletegn?");
                return;
            }

            // Every row's value must be a number or '..', also rows this table does not use (the whole country,
            // another permit type): a file is taken whole or not at all.
            var valueText = row[_value].Span;
            if (!DanishNumber.TryReadCell(valueText, line, "INDHOLD", log, out var value))
            {
                return;
            }

            var areaText = CsvHeader.Unquote(row[_area].Span);
            var muni = Area(areaText);
            if (muni == -2)
            {
                log.Error(line, "OMRÅDE", areaText, "Ukendt kommunekode eller kommunenavn.");
                return;
            }

            var group = _key < 0 ? GroupWithoutKey() : Group(CsvHeader.Unquote(row[_key].Span));
            if (_groups[group] is null)
            {
                return; // a dimension value this table does not use (another permit type, church tax)
            }

            var timeText = row[_time].Span;
            var period = Period(timeText);
            if (period < 0)
            {
                log.Error(line, "TID", timeText, PeriodCode.Explanation);
                return;
            }

            if (IsRepeat(row, line, areaText, timeText, out var totals))
            {
                return;
            }

            if (muni == -1)
            {
                return; // the whole country, a region, a landsdel or Christiansø
            }

            if (Usable(value, line, valueText) && InTaxYear(period, line, timeText))
            {
                Keep(((long)muni << 40) | ((long)group << 32) | ((long)period << 16) | (uint)totals, line, value);
            }
        }

        /// <summary>
        /// Whether a row with the same area, period and dimensions came before (logged as an error); else the row
        /// is remembered. <paramref name="totals"/> has a bit set for each other dimension whose value is a total.
        /// </summary>
        private bool IsRepeat(SepReader.Row row, long line, ReadOnlySpan<char> areaText, ReadOnlySpan<char> timeText, out int totals)
        {
            totals = 0;
            var rowHash = RowHash.Start();
            rowHash.Add(areaText);
            rowHash.Add(timeText);
            if (_key >= 0)
            {
                rowHash.Add(row[_key].Span);
            }

            for (var d = 0; d < _others.Length; d++)
            {
                var cell = row[_others[d]].Span;
                rowHash.Add(cell);
                if (DstTables.IsTotal(cell))
                {
                    totals |= 1 << d;
                }
            }

            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, rowHash.Value, out var duplicate);
            if (duplicate)
            {
                log.Error(line, null, row.Span, $"Rækken er en gentagelse af række {first} (samme kommune, dimensioner og periode).");
                return true;
            }

            first = line;
            return false;
        }

        // A suppressed value is kept as unknown (with a warning); a number must be plausible for the table.
        private bool Usable(double? value, long line, ReadOnlySpan<char> valueText)
        {
            if (value is { } number)
            {
                return Plausible(number, line, valueText);
            }

            log.Warn(line, "INDHOLD", valueText, "Værdien er undertrykt eller mangler ('..'); den regnes som ukendt, ikke som 0.");
            return true;
        }

        private bool InTaxYear(int period, long line, ReadOnlySpan<char> timeText)
        {
            if (spec.Output == DstOutput.TaxRate && !_periods[period].IsYear)
            {
                log.Error(line, "TID", timeText, "Skatteprocenter gælder et kalenderår: perioden skal være et år (fx 2026).");
                return false;
            }

            return true;
        }

        /// <summary>Adds a kept row's value to its municipality, group, period and totals mask (see <see cref="Build"/>).</summary>
        private void Keep(long key, long line, double? value)
        {
            KeptRows++;
            ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(_acc, key, out var exists);
            if (!exists)
            {
                acc = new Acc { FirstLine = line };
            }

            if (value is { } number)
            {
                acc!.Sum += number;
                acc.Known++;
            }
            else
            {
                acc!.Missing++;
            }
        }

        private bool Plausible(double value, long line, ReadOnlySpan<char> text)
        {
            if (spec.Output == DstOutput.TaxRate)
            {
                if (value is < MinTaxPercent or > MaxTaxPercent)
                {
                    log.Error(line, "INDHOLD", text, $"En kommunal skatteprocent skal ligge mellem {MinTaxPercent} og {MaxTaxPercent} (procent, fx 25,0).");
                    return false;
                }

                return true;
            }

            if (value < 0)
            {
                log.Error(line, "INDHOLD", text, "Et antal personer kan ikke være negativt.");
                return false;
            }

            if (value > MaxPersons)
            {
                log.Error(line, "INDHOLD", text, AbsurdCount);
                return false;
            }

            if (value != Math.Floor(value))
            {
                log.Error(line, "INDHOLD", text, "Et antal personer skal være et helt tal.");
                return false;
            }

            return true;
        }

        // -1: not a municipality (skipped); -2: unknown; else the index in the register.
        private int Area(ReadOnlySpan<char> text)
        {
            var lookup = _areaCache.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var index))
            {
                return index;
            }

            var resolution = register.Resolve(text);
            index = resolution.Kind switch
            {
                AreaKind.Municipality => IndexOf(resolution.Municipality!),
                AreaKind.NotMunicipality => -1,
                _ => -2,
            };
            if (_areaCache.Count < 10_000)
            {
                _areaCache[text.ToString()] = index;
            }

            return index;
        }

        private int IndexOf(Municipality m)
        {
            for (var i = 0; i < _municipalities.Count; i++)
            {
                if (_municipalities[i].Code == m.Code)
                {
                    return i;
                }
            }

            return -2;
        }

        private int GroupWithoutKey()
        {
            var index = _groups.IndexOf(spec.GroupWithoutKey);
            if (index < 0)
            {
                index = _groups.Count;
                _groups.Add(spec.GroupWithoutKey);
            }

            return index;
        }

        private int Group(ReadOnlySpan<char> text)
        {
            var lookup = _groupCache.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var index))
            {
                return index;
            }

            var s = text.ToString();
            var group = spec.Classify(s);
            index = _groups.IndexOf(group);
            if (index < 0)
            {
                index = _groups.Count;
                _groups.Add(group);
            }

            if (_groupCache.Count < 10_000)
            {
                _groupCache[s] = index;
            }

            return index;
        }

        private int Period(ReadOnlySpan<char> text)
        {
            var lookup = _periodCache.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var index))
            {
                return index;
            }

            if (!PeriodCode.TryNormalise(text, out var period, out var year, out var month))
            {
                return -1;
            }

            index = _periods.FindIndex(p => p.Period == period);
            if (index < 0)
            {
                index = _periods.Count;
                _periods.Add((period, year, month is null));
            }

            if (_periodCache.Count < 10_000 && _periods.Count < 60_000)
            {
                _periodCache[text.ToString()] = index;
            }

            return index;
        }

        public CuratedData Build(string path, string hash)
        {
            // Per municipality, group and period: the entry whose other dimensions are most often totals ('TOT',
            // 'IALT'); with no totals (BULK) the sum over every combination.
            var best = new Dictionary<long, (int Bits, int Mask, Acc Acc)>();
            foreach (var (key, acc) in _acc)
            {
                var mask = (int)(key & 0xFFFF);
                var bits = BitOperations.PopCount((uint)mask);
                var baseKey = key >> 16;
                if (!best.TryGetValue(baseKey, out var current) || bits > current.Bits || (bits == current.Bits && mask < current.Mask))
                {
                    best[baseKey] = (bits, mask, acc);
                }
            }

            var rows = best
                .Select(kv => (Muni: _municipalities[(int)(kv.Key >> 24)].Code, Group: _groups[(int)((kv.Key >> 16) & 0xFF)]!, Period: _periods[(int)(kv.Key & 0xFFFF)], kv.Value.Acc))
                .OrderBy(r => r.Muni, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Period.Period, StringComparer.Ordinal)
                .ToList();
            ReportMissingMunicipalities(rows.Select(r => (r.Muni, r.Group, r.Period.Period)));
            double? Value(Acc a) => a.Known > 0 ? a.Sum : null;
            var source = $"DST {spec.Table}";
            return spec.Output switch
            {
                DstOutput.TargetGroup => CuratedData.Empty with
                {
                    TargetGroupCounts = [.. rows.Select(r => new TargetGroupCount(r.Muni, r.Group, r.Period.Period, null, Value(r.Acc), source, new Lineage(path, hash, r.Acc.FirstLine)))],
                },
                DstOutput.Population => CuratedData.Empty with
                {
                    Population = [.. rows.Where(r => r.Acc.Known > 0).Select(r => new PopulationCount(r.Muni, r.Period.Period, r.Acc.Sum, new Lineage(path, hash, r.Acc.FirstLine)))],
                },
                _ => CuratedData.Empty with
                {
                    TaxRates = [.. rows.Where(r => r.Acc.Known > 0).Select(r => new MunicipalTaxRate(r.Muni, r.Period.Year, r.Acc.Sum / r.Acc.Known / 100.0, new Lineage(path, hash, r.Acc.FirstLine)))],
                },
            };
        }

        private void ReportMissingMunicipalities(IEnumerable<(string Muni, string Group, string Period)> rows)
        {
            foreach (var g in rows.GroupBy(r => (r.Group, r.Period)).OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal))
            {
                var present = g.Select(r => r.Muni).ToHashSet(StringComparer.Ordinal);
                var missing = _municipalities.Where(m => !present.Contains(m.Code)).Select(m => m.Code).ToList();
                if (missing.Count > 0)
                {
                    log.Warn(null, null, string.Join(", ", missing), $"{missing.Count} kommuner mangler for {g.Key.Group} i perioden {g.Key.Period}. I et BULK-udtræk betyder en manglende række 0.");
                }
            }
        }
    }
}
