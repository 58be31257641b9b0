using ClosedXML.Excel;
using IntegrationCases.Engine;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// The XLSX extract for one municipality, in Danish: 'Forudsætninger' (what the cases rest on, with the intake plan
/// of every case in its section 'Tilgang'), 'Pengestrømme' (the yearly cashflow per case with baseline, investment
/// and difference), 'Nøgletal' (the KPIs), 'Enhedspriser' (every unit price used, with its date and source) and
/// 'Usikkerhed' (each case's Monte Carlo summary with its default ranges). Every workbook has these five sheets in
/// this order, a run's extract and the calculation tool's scenario workbook alike, so a reader can find them by
/// position ('Usikkerhed' came last, after the four of earlier versions). Column widths are fixed, never measured
/// (AdjustToContents needs System.Drawing).
/// </summary>
public static class XlsxExtractWriter
{
    private const string MoneyFormat = "#,##0.00";
    private const string NumberFormat = "#,##0.00##";
    private const string ShareFormat = "0.0 %";

    public const string UncertaintySheet = "Usikkerhed";

    /// <summary>The row of the uncertainty sheet's header (an explanation above it).</summary>
    public const int UncertaintyHeaderRow = 4;

    public static byte[] Write(MunicipalityExtract extract)
    {
        using var workbook = new XLWorkbook();
        Assumptions(workbook.Worksheets.Add("Forudsætninger"), extract);
        Cashflow(workbook.Worksheets.Add("Pengestrømme"), extract);
        Kpis(workbook.Worksheets.Add("Nøgletal"), extract);
        UnitPrices(workbook.Worksheets.Add("Enhedspriser"), extract);
        Uncertainty(workbook.Worksheets.Add(UncertaintySheet), extract);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Assumptions(IXLWorksheet sheet, MunicipalityExtract e)
    {
        var row = 1;
        sheet.Cell(row, 1).SetValue($"Business cases for integrationsindsatsen – {e.Municipality.Name} Kommune ({e.Municipality.Code})");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        row += 2;
        foreach (var (label, value) in new (string, string)[]
                 {
                     ("Kommune", $"{e.Municipality.Name} ({e.Municipality.Code})"),
                     ("Region", e.Municipality.RegionName),
                     ("Kørsel", e.RunId),
                     ("Startdato for forløbene", Danish.Date(e.StartDate)),
                     ("Parametersæt (hash)", e.ParameterSet),
                     ("Beregningsversion", $"{e.EngineVersion} (metode {EngineInfo.MethodVersion})"),
                     ("Fortegn", "Fra kommunens side: indtægt positiv, udgift negativ."),
                     ("Ikke medregnet", "Udligning og generelle tilskud (bloktilskud) indgår ikke, som i SIRI/KL-materialet fra 2017."),
                     ("Skat", "Kommuneskatten er den skat, indkomsten bærer i det år, den tjenes; en kommune på statsgaranti mærker den senere og delvist udlignet."),
                 })
        {
            sheet.Cell(row, 1).SetValue(label);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row, 2).SetValue(value);
            row++;
        }

        row++;
        Header(sheet, row++, "Scenarie", "Case-id", "Business case", "Målgruppe", "Personer i målgruppen (data)", "Deltagere (fuldtid)", "Horisont (år)");
        foreach (var c in ExtractRows.Ordered(e))
        {
            var hasDefinition = e.Catalogue.TryGet(c.Result.CaseId, out var definition);
            sheet.Cell(row, 1).SetValue(ScenarioName(e, c.ScenarioId));
            sheet.Cell(row, 2).SetValue(c.Result.CaseId);
            sheet.Cell(row, 3).SetValue(hasDefinition ? definition.Name : c.Result.CaseId);
            sheet.Cell(row, 4).SetValue(hasDefinition ? definition.TargetGroupLabel : "");
            if (e.Facts.TargetGroupPersonsByCase.TryGetValue(c.Result.CaseId, out var persons))
            {
                Number(sheet.Cell(row, 5), persons, NumberFormat);
            }

            Number(sheet.Cell(row, 6), c.Participants, NumberFormat);
            sheet.Cell(row, 7).SetValue(c.Result.HorizonYears);
            row++;
        }

        row = PlanSection(sheet, row + 1, e);
        row++;
        Header(sheet, row++, "År", "Kommuneskatteprocent (data)");
        foreach (var (year, rate) in e.Facts.KommuneskatRateByYear.OrderBy(x => x.Key))
        {
            sheet.Cell(row, 1).SetValue(year);
            Number(sheet.Cell(row, 2), rate, "0.00%");
            row++;
        }

        Widths(sheet, 34, 48, 40, 48, 18, 18, 14, 14);
    }

    // ---- The intake plan (METHOD.md 3a): the one plan presentation of every extract, XLSX and CSV. ----

    /// <summary>The title of the plan section on 'Forudsætninger'; the CSV's plan section has the same rows.</summary>
    public const string PlanSectionTitle = "Tilgang: hvornår deltagerne starter (ét hold pr. start)";

    /// <summary>The columns of the plan section, the same in the CSV's plan section after its municipality columns.</summary>
    public static readonly IReadOnlyList<string> PlanHeader =
        ["Scenarie", "Case-id", "Business case", "Hold", "Start", "Deltagere (fuldtid)", "År", "Første måned"];

    /// <summary>
    /// The 'Tilgang' section: when each case's participants start (METHOD.md section 3a), one row per cohort of the
    /// resolved plan (<see cref="ExtractRows.Plan"/>), so a reader sees what 'Deltagere (fuldtid)' above sums and in
    /// which scenario year each cohort starts. A case without a plan has one cohort on the start date. In every
    /// workbook (the run's and the calculation tool's). Returns the row after it.
    /// </summary>
    private static int PlanSection(IXLWorksheet sheet, int row, MunicipalityExtract e)
    {
        sheet.Cell(row, 1).SetValue(PlanSectionTitle);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        row++;
        Header(sheet, row++, [.. PlanHeader]);
        foreach (var p in ExtractRows.Plan(e))
        {
            sheet.Cell(row, 1).SetValue(p.ScenarioName);
            sheet.Cell(row, 2).SetValue(p.CaseId);
            sheet.Cell(row, 3).SetValue(p.CaseName);
            sheet.Cell(row, 4).SetValue(p.Cohort);
            sheet.Cell(row, 5).SetValue(Danish.Date(p.StartDate));
            Number(sheet.Cell(row, 6), p.Participants, NumberFormat);
            sheet.Cell(row, 7).SetValue(p.Year);
            sheet.Cell(row, 8).SetValue(Danish.Date(p.FirstMonth));
            row++;
        }

        return row;
    }

    /// <summary>
    /// One row per scenario, case and line (the net last), the years across: basis, investment and difference
    /// for each year, as in the 2017 tool. Wide rather than long keeps the workbook small and quick to write.
    /// </summary>
    private static void Cashflow(IXLWorksheet sheet, MunicipalityExtract e)
    {
        var lineOrder = LineCatalogue.All.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = ExtractRows.Cashflow(e)
            .GroupBy(r => (r.ScenarioId, r.CaseId))
            .SelectMany(g => g.OrderBy(r => lineOrder.GetValueOrDefault(r.LineCode, int.MaxValue)).ThenBy(r => r.Year))
            .ToList();
        var years = rows.Count == 0 ? 0 : rows.Max(r => r.Year);
        var labels = new List<string> { "Scenarie", "Case-id", "Business case", "Postkode", "Budgetpost" };
        for (var y = 1; y <= years; y++)
        {
            labels.AddRange([$"År {y}: basis (kr.)", $"År {y}: investering (kr.)", $"År {y}: forskel (kr.)"]);
        }

        Header(sheet, 1, [.. labels]);
        var row = 1;
        (string, string, string)? current = null;
        foreach (var r in rows)
        {
            if (current != (r.ScenarioId, r.CaseId, r.LineCode))
            {
                current = (r.ScenarioId, r.CaseId, r.LineCode);
                row++;
                sheet.Cell(row, 1).SetValue(r.ScenarioName);
                sheet.Cell(row, 2).SetValue(r.CaseId);
                sheet.Cell(row, 3).SetValue(r.CaseName);
                sheet.Cell(row, 4).SetValue(r.LineCode);
                sheet.Cell(row, 5).SetValue(r.LineLabel);
            }

            var column = CashflowColumn(r.Year);
            Money(sheet.Cell(row, column), r.Baseline);
            Money(sheet.Cell(row, column + 1), r.Investment);
            Money(sheet.Cell(row, column + 2), r.Difference);
        }

        sheet.SheetView.Freeze(1, 5);
        Widths(sheet, [24, 14, 36, 20, 36, .. Enumerable.Repeat(16.0, 3 * years)]);
        Formats(sheet, MoneyFormat, [.. Enumerable.Range(CashflowColumn(1), 3 * years)]);
    }

    /// <summary>The sheet column of a year's baseline amount (investment and difference follow it).</summary>
    public static int CashflowColumn(int year) => 6 + (3 * (year - 1));

    private static void Kpis(IXLWorksheet sheet, MunicipalityExtract e)
    {
        Header(sheet, 1, "Scenarie", "Case-id", "Business case", "Deltagere (fuldtid)", "Investering (kr.)", "Nettoeffekt (kr.)",
            "Nutidsværdi (kr.)", "Gevinst pr. investeret krone", "Tilbagebetalingsmåned", "Break-even-effektfaktor", "Sparede ydelsesmåneder");
        var row = 2;
        foreach (var c in ExtractRows.Ordered(e))
        {
            var k = c.Result.Kpis;
            sheet.Cell(row, 1).SetValue(ScenarioName(e, c.ScenarioId));
            sheet.Cell(row, 2).SetValue(c.Result.CaseId);
            sheet.Cell(row, 3).SetValue(ExtractRows.CaseName(e, c.Result.CaseId));
            Number(sheet.Cell(row, 4), c.Participants, NumberFormat);
            Money(sheet.Cell(row, 5), k.InvestmentTotal);
            Money(sheet.Cell(row, 6), k.NetEffectTotal);
            Money(sheet.Cell(row, 7), k.Npv);
            Number(sheet.Cell(row, 8), k.ReturnPerKrone, NumberFormat);
            if (k.PaybackMonth is { } payback)
            {
                sheet.Cell(row, 9).SetValue(payback);
            }

            Number(sheet.Cell(row, 10), k.BreakEvenEffectMultiplier, NumberFormat);
            Number(sheet.Cell(row, 11), k.BenefitMonthsSaved, NumberFormat);
            row++;
        }

        sheet.SheetView.FreezeRows(1);
        Widths(sheet, 24, 16, 40, 14, 18, 18, 18, 14, 14, 14, 14);
        Formats(sheet, MoneyFormat, 5, 6, 7);
    }

    /// <summary>
    /// One row per case whose uncertainty the extract carries (a run's: every standard case; the calculation tool's: its
    /// scenario): the P5-P95 and mean of the net effect and NPV over the draws, the probability of a
    /// positive net effect and the share paid back within the horizon, with fact_uncertainty's Danish column names.
    /// </summary>
    private static void Uncertainty(IXLWorksheet sheet, MunicipalityExtract e)
    {
        sheet.Cell(1, 1).SetValue("Usikkerhed (Monte Carlo med casens standardintervaller)");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue("Effekt, investeringens udgift, løn i job og udgift til ordinær indsats trækkes uafhængigt af hinanden fra trekantfordelinger med typeværdi 1 " +
            "og casens standardintervaller (se casekataloget). P10–P90 er det interval, 80 % af trækningerne ligger i. Beløb i kr., kommunens side.");
        var columns = MartSchema.FactUncertainty.Columns.Where(c => !c.IsKey).ToList();
        Header(sheet, UncertaintyHeaderRow, ["Case-id", "Business case", .. columns.Select(c => c.DanishName)]);
        var row = UncertaintyHeaderRow + 1;
        foreach (var u in e.Uncertainty)
        {
            var (net, npv, mc) = (u.MonteCarlo.NetEffectTotal, u.MonteCarlo.Npv, u.MonteCarlo);
            sheet.Cell(row, 1).SetValue(u.CaseId);
            sheet.Cell(row, 2).SetValue(ExtractRows.CaseName(e, u.CaseId));
            var column = 3;
            foreach (var amount in new[] { net.P5, net.P10, net.P50, net.P90, net.P95, net.Mean, npv.P5, npv.P10, npv.P50, npv.P90, npv.P95, npv.Mean })
            {
                Money(sheet.Cell(row, column++), amount);
            }

            Number(sheet.Cell(row, column++), mc.ProbabilityNetPositive, string.Empty);
            Number(sheet.Cell(row, column++), mc.PaybackWithinHorizonShare, string.Empty);
            sheet.Cell(row, column++).SetValue(mc.Draws);
            sheet.Cell(row, column).SetValue(mc.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row++;
        }

        sheet.SheetView.FreezeRows(UncertaintyHeaderRow);
        Widths(sheet, [16, 40, .. Enumerable.Repeat(18.0, 12), 16, 16, 12, 8]);
        Formats(sheet, MoneyFormat, [.. Enumerable.Range(3, 12)]);
        Formats(sheet, ShareFormat, 15, 16);
    }

    private static void UnitPrices(IXLWorksheet sheet, MunicipalityExtract e)
    {
        Header(sheet, 1, "Parameter", "Gyldig fra", "Værdi", "Kilde");
        var row = 2;
        var used = e.Cases.SelectMany(c => c.Result.ParametersUsed)
            .DistinctBy(p => (p.Id, p.ValidFrom))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.ValidFrom);
        foreach (var p in used)
        {
            sheet.Cell(row, 1).SetValue(p.Id);
            sheet.Cell(row, 2).SetValue(Danish.Date(p.ValidFrom));
            Number(sheet.Cell(row, 3), p.Value, "#,##0.######");
            sheet.Cell(row, 4).SetValue(p.Source);
            row++;
        }

        sheet.SheetView.FreezeRows(1);
        Widths(sheet, 44, 12, 16, 90);
    }

    private static string ScenarioName(MunicipalityExtract e, string scenarioId) =>
        e.Scenarios.FirstOrDefault(s => s.ScenarioId == scenarioId)?.Name ?? scenarioId;

    private static void Header(IXLWorksheet sheet, int row, params string[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(labels[i]);
        }

        var range = sheet.Range(row, 1, row, labels.Length);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.LightGray;
    }

    // Money cells take their format from the column (a per-cell style costs ClosedXML dearly on save).
    private static void Money(IXLCell cell, decimal amount) => cell.SetValue(amount);

    private static void Number(IXLCell cell, double? value, string format)
    {
        if (value is { } v && double.IsFinite(v))
        {
            cell.SetValue(v);
            if (format.Length > 0)
            {
                cell.Style.NumberFormat.Format = format;
            }
        }
    }

    private static void Formats(IXLWorksheet sheet, string format, params int[] columns)
    {
        foreach (var c in columns)
        {
            sheet.Column(c).Style.NumberFormat.Format = format;
        }
    }

    private static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}
