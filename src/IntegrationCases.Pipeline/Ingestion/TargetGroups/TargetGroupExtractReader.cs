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
        CsvHeader? header = null;
        int muni = -1, caseId = -1, period = -1, fte = -1, persons = -1, note = -1;
        var rows = new List<TargetGroupCount>();
        var seen = new Dictionary<(string, string, string), long>();
        long dataRows = 0;
        foreach (var row in reader)
        {
            var line = row.RowIndex + 1L;
            if (guard.Overflowed && line >= guard.OverflowLine)
            {
                break; // the cut-off line is not a row
            }

            var first = row[0].Span.TrimStart();
            if ((row.ColCount == 1 && first.IsEmpty) || first.StartsWith('#') || first.StartsWith("\uFEFF#"))
            {
                continue;
            }

            if (header is null)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }

                header = CsvHeader.Read(cells, log);
                if (header is null)
                {
                    return null;
                }

                (muni, caseId, period, fte, persons, note) = (header.IndexOf(Municipality), header.IndexOf(Case), header.IndexOf(Period), header.IndexOf(FullTime), header.IndexOf(Persons), header.IndexOf(Note));
                foreach (var (index, name) in new[] { (muni, Municipality), (caseId, Case), (period, Period), (fte, FullTime) })
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

                if (log.HasErrors)
                {
                    return null;
                }

                continue;
            }

            dataRows++;
            if (row.ColCount != header.Count)
            {
                log.Error(line, null, row.Span, $"Rækken har {row.ColCount} felter, men overskriften har {header.Count}.");
                continue;
            }

            var codeText = CsvHeader.Unquote(row[muni].Span);
            var resolution = codeText.Length is 3 or 4 && !codeText.ContainsAnyExcept("0123456789") ? register.Resolve(codeText) : AreaResolution.Unknown;
            if (resolution.Kind != AreaKind.Municipality)
            {
                log.Error(line, "kommunekode", codeText, "Ukendt kommunekode: brug den tre-cifrede kode for en af de 98 kommuner (fx 851).");
                continue;
            }

            var caseText = CsvHeader.Unquote(row[caseId].Span).ToString();
            if (!StandardCases.IsKnown(caseText))
            {
                log.Error(line, "case_id", caseText, $"Ukendt case. Brug en af: {string.Join(", ", StandardCases.All)}.");
                continue;
            }

            if (!PeriodCode.TryNormalise(row[period].Span, out var p, out _, out _))
            {
                log.Error(line, "periode", row[period].Span, PeriodCode.Explanation);
                continue;
            }

            var ok = true;
            var f = Number(row[fte].Span, line, "fuldtidspersoner", log, ref ok);
            var n = persons < 0 ? null : Number(row[persons].Span, line, "personer", log, ref ok);
            if (!ok)
            {
                continue;
            }

            if (f is null)
            {
                log.Warn(line, "fuldtidspersoner", row[fte].Span, "Antallet mangler; casen får kommunens tal fra Jobindsats i stedet.");
            }

            var code = resolution.Municipality!.Code;
            if (!seen.TryAdd((code, caseText, p), line))
            {
                log.Error(line, null, row.Span, $"Kommune, case og periode står allerede i række {seen[(code, caseText, p)]}.");
                continue;
            }

            var source = note >= 0 && !row[note].Span.Trim().IsEmpty ? $"Kommunens eget udtræk: {IssueLog.Printable(CsvHeader.Unquote(row[note].Span))}" : "Kommunens eget udtræk";
            rows.Add(new TargetGroupCount(code, caseText, p, f, n, source, new Lineage(path, hash, line)));
        }

        if (guard.Overflowed)
        {
            log.Error(guard.OverflowLine, null, $"Linjen er længere end {guard.MaxLineLength} tegn; filen afvises.");
        }
        else if (header is null)
        {
            log.Error("Filen er tom.");
        }
        else if (dataRows == 0)
        {
            log.Error("Filen har kun en overskrift og ingen datarækker.");
        }

        return log.HasErrors
            ? null
            : CuratedData.Empty with { TargetGroupCounts = [.. rows.OrderBy(r => r.MunicipalityCode, StringComparer.Ordinal).ThenBy(r => r.TargetGroup, StringComparer.Ordinal).ThenBy(r => r.Period, StringComparer.Ordinal)] };
    }

    private static double? Number(ReadOnlySpan<char> text, long line, string column, IssueLog log, ref bool ok)
    {
        var reading = DanishNumber.Read(text, out var value);
        if (reading == NumberReading.Missing)
        {
            return null;
        }

        if (reading != NumberReading.Number)
        {
            log.Error(line, column, text, DanishNumber.Explain(reading));
            ok = false;
            return null;
        }

        if (value < 0 || value > DstReader.MaxPersons)
        {
            log.Error(line, column, text, value < 0 ? "Et antal kan ikke være negativt." : "Tallet er urimeligt stort: flere personer end der bor i Danmark.");
            ok = false;
            return null;
        }

        return value;
    }
}
