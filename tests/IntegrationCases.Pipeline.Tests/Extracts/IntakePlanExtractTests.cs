using System.Text;
using ClosedXML.Excel;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Tests.Support;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Tests.Extracts;

/// <summary>The plan sheet of the XLSX extract and the plan section of the CSV, written and read back.</summary>
public sealed class IntakePlanExtractTests
{
    // SampleMart's plan for Aalborg: 20 on 2026-01-01 and 10 on 2026-07-01 (year 1), 10 on 2027-01-01 (year 2).
    private static readonly (string Cohort, string Start, string Cohorts, double Persons, int Year)[] Expected =
    [
        ("1", "2026-01-01", "", 20, 1),
        ("2", "2026-07-01", "", 10, 1),
        (XlsxExtractWriter.IntakePlanTotal, "", "2", 30, 1),
        ("3", "2027-01-01", "", 10, 2),
        (XlsxExtractWriter.IntakePlanTotal, "", "1", 10, 2),
    ];

    [Fact]
    public void The_workbook_of_a_municipality_with_a_plan_ends_with_a_plan_sheet_of_each_cohort_and_each_years_total()
    {
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExtractWriter.Write(Extract("851"))));

        Assert.Equal(["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", XlsxExtractWriter.IntakePlanSheet], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet(XlsxExtractWriter.IntakePlanSheet);
        var header = XlsxExtractWriter.IntakePlanHeaderRow;
        Assert.Equal(XlsxExtractWriter.IntakePlanHeader, Enumerable.Range(1, XlsxExtractWriter.IntakePlanHeader.Count).Select(c => sheet.Cell(header, c).GetString()));
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > header).ToList();
        Assert.Equal(Expected, rows.Select(r => (r.Cell(6).GetString(), r.Cell(7).GetString(), r.Cell(8).GetString(), r.Cell(9).GetDouble(), r.Cell(4).GetValue<int>())));
        Assert.All(rows, r => Assert.Equal(("Mentorforløb (851)", "NY-JOB-30"), (r.Cell(1).GetString(), r.Cell(2).GetString())));
        Assert.Equal(["2026-01-01", "2026-01-01", "2026-01-01", "2027-01-01", "2027-01-01"], rows.Select(r => r.Cell(5).GetString()));
    }

    [Fact]
    public void The_CSV_of_a_municipality_with_a_plan_has_the_plan_section_after_an_empty_line_and_the_cashflow_unchanged_before_it()
    {
        var extract = Extract("851");
        var csv = Encoding.UTF8.GetString(CsvExtractWriter.Write(extract)).TrimStart('\uFEFF');
        var parts = csv.Split("\n\n");

        Assert.Equal(2, parts.Length);
        Assert.Equal(Encoding.UTF8.GetString(CsvExtractWriter.Write(extract with { Scenarios = [.. extract.Scenarios.Select(s => s with { IsPlan = false })] })).TrimStart('\uFEFF'), parts[0] + "\n");
        using var reader = Sep.Reader(o => o with { Sep = Sep.New(';') }).FromText(parts[1]);
        Assert.Equal(CsvExtractWriter.PlanHeader, reader.Header.ColNames);
        var rows = reader.Enumerate(r => (r["Hold nr."].ToString(), r["Startdato"].ToString(), r["Antal hold"].ToString(), double.Parse(r["Personer (fuldtid)"].ToString().Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), r["År"].Parse<int>(), r["Kommunekode"].ToString(), r["Scenarie-id"].ToString())).ToList();
        Assert.Equal(Expected, rows.Select(r => (r.Item1, r.Item2, r.Item3, r.Item4, r.Item5)));
        Assert.All(rows, r => Assert.Equal(("851", "municipal-851-mentor"), (r.Item6, r.Item7)));
    }

    [Fact]
    public void A_municipality_without_a_plan_gets_neither_a_plan_sheet_nor_a_plan_section()
    {
        var extract = Extract("101");
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExtractWriter.Write(extract)));

        Assert.DoesNotContain(XlsxExtractWriter.IntakePlanSheet, workbook.Worksheets.Select(w => w.Name));
        Assert.DoesNotContain("\n\n", Encoding.UTF8.GetString(CsvExtractWriter.Write(extract)), StringComparison.Ordinal);
        Assert.Empty(ExtractPlanRows.Of(extract));
    }

    private static MunicipalityExtract Extract(string code)
    {
        var municipality = MunicipalityRegister.Default.All.Single(m => m.Code == code);
        return new MunicipalityExtract(
            municipality, "0123456789abcdef", new DateOnly(2026, 1, 1), "paramhash", "1.0.0",
            new MunicipalityFacts(code, municipality.Name, new Dictionary<string, double>(), new Dictionary<int, double>()),
            CaseCatalogue.Standard, SampleMart.Scenarios, [.. SampleMart.Cases().Where(c => c.Result.MunicipalityCode == code)]);
    }
}
