using IntegrationCases.Pipeline.Municipalities;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Ingestion;

/// <summary>
/// The canonical municipal target-group extract (<c>target-groups/*.csv</c>, docs/data-formats.md): a
/// municipality's own full-time persons per standard case. ';'-separated, UTF-8 (Windows-1252 accepted),
/// decimal comma, header by name, lines starting with '#' are comments.
/// </summary>
internal static class TargetGroupExtractReader
{
    public const string Municipality = "KOMMUNEKODE";
    public const string Case = "CASE_ID";
    public const string Period = "PERIODE";
    public const string FullTime = "FULDTIDSPERSONER";
    public const string Persons = "PERSONER";
    public const string Note = "KILDE";

    public static IReadOnlyList<string> Columns { get; } = [Municipality, Case, Period, FullTime, Persons, Note];

    public static CuratedData? Read(TextReader text, LineGuardReader guard, string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        using var reader = Sep.New(';').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = true }).From(text);
        var extract = new Extract(path, hash, log, register);
        foreach (var row in reader)
        {
            var line = row.RowIndex + 1L;
            if (guard.Overflowed && line >= guard.OverflowLine)
            {
                break; // the cut-off line is not a row
            }

            if (IsBlankOrComment(row))
            {
                continue;
            }

            if (extract.Header is null)
            {
                if (!extract.ReadHeader(row))
                {
                    return null;
                }

                continue;
            }

            extract.ReadRow(row, line);
        }

        if (guard.Overflowed)
        {
            log.Error(guard.OverflowLine, null, $"Linjen er længere end {guard.MaxLineLength} tegn; filen afvises.");
        }
        else if (extract.Header is null)
        {
            log.Error("Filen er tom.");
        }
        else if (extract.DataRows == 0)
        {
            log.Error("Filen har kun en overskrift og ingen datarækker.");
        }

        return log.HasErrors ? null : extract.Build();
    }

    private static bool IsBlankOrComment(SepReader.Row row)
    {
        var first = row[0].Span.TrimStart();
        return (row.ColCount == 1 && first.IsEmpty) || first.StartsWith('#') || first.StartsWith("\uFEFF#");
    }

    /// <summary>The extract being read: its header's columns, the rows accepted so far and the keys they hold.</summary>
    private sealed class Extract(string path, string hash, IssueLog log, MunicipalityRegister register)
    {
        private readonly List<TargetGroupCount> _rows = [];
        private readonly Dictionary<(string, string, string), long> _seen = [];
        private int _muni = -1, _caseId = -1, _period = -1, _fte = -1, _persons = -1, _note = -1;

        public CsvHeader? Header { get; private set; }

        public long DataRows { get; private set; }

        /// <summary>False when the header is unusable: a required column missing or an unknown one (errors logged).</summary>
        public bool ReadHeader(SepReader.Row row)
        {
            var header = CsvHeader.Read(row[0..row.ColCount].ToStringsArray(), log);
            Header = header;
            if (header is null)
            {
                return false;
            }

            (_muni, _caseId, _period, _fte, _persons, _note) = (header.IndexOf(Municipality), header.IndexOf(Case), header.IndexOf(Period), header.IndexOf(FullTime), header.IndexOf(Persons), header.IndexOf(Note));
            foreach (var (index, name) in new[] { (_muni, Municipality), (_caseId, Case), (_period, Period), (_fte, FullTime) })
            {
                if (index < 0)
                {
                    header.ReportMissing(name.ToLowerInvariant(), log);
                }
            }

            var unknown = header.Names.Where(n => !Columns.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                log.Error(1, unknown[0].ToLowerInvariant(), string.Join(';', header.Names), $"Ukendt kolonne. Kolonnerne er: {string.Join(';', Columns).ToLowerInvariant()}.");
            }

            return !log.HasErrors;
        }

        public void ReadRow(SepReader.Row row, long line)
        {
            DataRows++;
            if (row.ColCount != Header!.Count)
            {
                log.Error(line, null, row.Span, $"Rækken har {row.ColCount} felter, men overskriften har {Header.Count}.");
                return;
            }

            var codeText = CsvHeader.Unquote(row[_muni].Span);
            var resolution = codeText.Length is 3 or 4 && !codeText.ContainsAnyExcept("0123456789") ? register.Resolve(codeText) : AreaResolution.Unknown;
            if (resolution.Kind != AreaKind.Municipality)
            {
                log.Error(line, "kommunekode", codeText, "Ukendt kommunekode: brug den tre-cifrede kode for en af de 98 kommuner (fx 851).");
                return;
            }

            var caseText = CsvHeader.Unquote(row[_caseId].Span).ToString();
            if (!StandardCases.IsKnown(caseText))
            {
                log.Error(line, "case_id", caseText, $"Ukendt case. Brug en af: {string.Join(", ", StandardCases.All)}.");
                return;
            }

            if (!PeriodCode.TryNormalise(row[_period].Span, out var p, out _, out _))
            {
                log.Error(line, "periode", row[_period].Span, PeriodCode.Explanation);
                return;
            }

            if (!TryReadCounts(row, line, out var f, out var n))
            {
                return;
            }

            var code = resolution.Municipality!.Code;
            if (!_seen.TryAdd((code, caseText, p), line))
            {
                log.Error(line, null, row.Span, $"Kommune, case og periode står allerede i række {_seen[(code, caseText, p)]}.");
                return;
            }

            _rows.Add(new TargetGroupCount(code, caseText, p, f, n, SourceOf(row), new Lineage(path, hash, line)));
        }

        public CuratedData Build() =>
            CuratedData.Empty with { TargetGroupCounts = [.. _rows.OrderBy(r => r.MunicipalityCode, StringComparer.Ordinal).ThenBy(r => r.TargetGroup, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal)] };

        // Both counts are read (and their errors logged) before the row is given up.
        private bool TryReadCounts(SepReader.Row row, long line, out double? fullTime, out double? persons)
        {
            var ok = true;
            fullTime = Count(row[_fte].Span, line, "fuldtidspersoner", log, ref ok);
            persons = _persons < 0 ? null : Count(row[_persons].Span, line, "personer", log, ref ok);
            if (ok && fullTime is null)
            {
                log.Warn(line, "fuldtidspersoner", row[_fte].Span, "Antallet mangler; casen får kommunens tal fra Jobindsats i stedet.");
            }

            return ok;
        }

        private string SourceOf(SepReader.Row row) =>
            _note >= 0 && !row[_note].Span.Trim().IsEmpty ? $"Kommunens eget udtræk: {IssueLog.Printable(CsvHeader.Unquote(row[_note].Span))}" : "Kommunens eget udtræk";
    }

    private static double? Count(ReadOnlySpan<char> text, long line, string column, IssueLog log, ref bool ok)
    {
        if (!DanishNumber.TryReadCell(text, line, column, log, out var read))
        {
            ok = false;
            return null;
        }

        if (read is not { } value)
        {
            return null;
        }

        if (DstReader.CountProblem(value) is { } problem)
        {
            log.Error(line, column, text, problem);
            ok = false;
            return null;
        }

        return value;
    }
}
