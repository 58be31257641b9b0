using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Municipalities;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Tests.Support;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Tests.Extracts;

/// <summary>
/// A municipality's intake plan in its extracts, written and read back: the XLSX's 'Tilgang' section and the CSV's
/// plan section show the same rows (<see cref="ExtractRows.Plan"/>), and a plan adds no sheet.
/// </summary>
public sealed class IntakePlanExtractTests
{
    // SampleMart's plan for Aalborg: 20 on 2026-01-01 and 10 on 2026-07-01 (year 1), 10 on 2027-01-01 (year 2).
    private static readonly (string Cohort, string Start, double Persons, int Year, string FirstMonth)[] Plan =
    [
        ("1", "2026-01-01", 20, 1, "2026-01-01"),
        ("2", "2026-07-01", 10, 1, "2026-01-01"),
        ("3", "2027-01-01", 10, 2, "2027-01-01"),
    ];

    private static readonly string[] FiveSheets = ["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", XlsxExtractWriter.UncertaintySheet];

    [Fact]
    public void A_municipality_with_a_plan_gets_the_same_five_sheets_and_its_plan_cohort_by_cohort_in_the_Tilgang_section()
    {
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExtractWriter.Write(Extract("851"))));

        Assert.Equal(FiveSheets, workbook.Worksheets.Select(w => w.Name));
        var rows = SectionRows(workbook.Worksheet("Forudsætninger"));
        // Extract order: the standard cases first (one cohort each, on the start date), then the municipality's plan.
        var standard = CaseCatalogue.Standard.Cases.Take(2).Select((c, i) => ("Standardcases", c.Id, "1", "2026-01-01", 12.5 + i, 1, "2026-01-01"));
        var plan = Plan.Select(p => ("Mentorforløb (851)", "NY-JOB-30", p.Cohort, p.Start, p.Persons, p.Year, p.FirstMonth));
        Assert.Equal(standard.Concat(plan), rows);
    }

    [Fact]
    public void The_CSV_of_a_municipality_with_a_plan_has_the_rows_of_the_Tilgang_section_after_an_empty_line_and_the_cashflow_unchanged_before_it()
    {
        var extract = Extract("851");
        var csv = Encoding.UTF8.GetString(CsvExtractWriter.Write(extract)).TrimStart('\uFEFF');
        var parts = csv.Split("\n\n");

        Assert.Equal(2, parts.Length);
        Assert.Equal(Encoding.UTF8.GetString(CsvExtractWriter.Write(extract with { Scenarios = [.. extract.Scenarios.Select(s => s with { IsPlan = false })] })).TrimStart('\uFEFF'), parts[0] + "\n");
        using var reader = Sep.Reader(o => o with { Sep = Sep.New(';') }).FromText(parts[1]);
        Assert.Equal(CsvExtractWriter.PlanHeader, reader.Header.ColNames);
        var rows = reader.Enumerate(r => (
            r["Kommunekode"].ToString(), r["Scenarie-id"].ToString(),
            (r["Scenarie"].ToString(), r["Case-id"].ToString(), r["Hold"].ToString(), r["Start"].ToString(),
                double.Parse(r["Deltagere (fuldtid)"].ToString().Replace(',', '.'), CultureInfo.InvariantCulture), r["År"].Parse<int>(), r["Første måned"].ToString()))).ToList();

        Assert.All(rows, r => Assert.Equal("851", r.Item1));
        Assert.Equal(Plan.Length, rows.Count(r => r.Item2 == "municipal-851-mentor"));
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExtractWriter.Write(extract)));
        Assert.Equal(SectionRows(workbook.Worksheet("Forudsætninger")), rows.Select(r => r.Item3));
    }

    [Fact]
    public void A_municipality_without_a_plan_gets_no_CSV_plan_section_but_the_Tilgang_section_of_one_cohort_per_case()
    {
        var extract = Extract("101");
        using var workbook = new XLWorkbook(new MemoryStream(XlsxExtractWriter.Write(extract)));

        Assert.Equal(FiveSheets, workbook.Worksheets.Select(w => w.Name));
        Assert.DoesNotContain("\n\n", Encoding.UTF8.GetString(CsvExtractWriter.Write(extract)), StringComparison.Ordinal);
        Assert.False(ExtractRows.HasPlan(extract));
        Assert.All(SectionRows(workbook.Worksheet("Forudsætninger")), r => Assert.Equal(("1", "2026-01-01", 1), (r.Cohort, r.Start, r.Year)));
    }

    private static MunicipalityExtract Extract(string code)
    {
        var municipality = MunicipalityRegister.Default.All.Single(m => m.Code == code);
        return new MunicipalityExtract(
            municipality, "0123456789abcdef", new DateOnly(2026, 1, 1), "paramhash", "1.0.0",
            new MunicipalityFacts(code, municipality.Name, new Dictionary<string, double>(), new Dictionary<int, double>()),
            CaseCatalogue.Standard, SampleMart.Scenarios, [.. SampleMart.Cases().Where(c => c.Result.MunicipalityCode == code)]);
    }

    /// <summary>The rows under the 'Tilgang' section's header, every column but the case name.</summary>
    private static List<(string Scenario, string CaseId, string Cohort, string Start, double Persons, int Year, string FirstMonth)> SectionRows(IXLWorksheet sheet)
    {
        var title = sheet.Column(1).CellsUsed().Single(c => c.GetString() == XlsxExtractWriter.PlanSectionTitle).Address.RowNumber;
        Assert.Equal(XlsxExtractWriter.PlanHeader, sheet.Row(title + 1).CellsUsed().Select(c => c.GetString()));
        var rows = new List<(string, string, string, string, double, int, string)>();
        for (var r = title + 2; !sheet.Cell(r, 1).IsEmpty(); r++)
        {
            var row = sheet.Row(r);
            rows.Add((row.Cell(1).GetString(), row.Cell(2).GetString(), row.Cell(4).GetString(), row.Cell(5).GetString(), row.Cell(6).GetDouble(),
                row.Cell(7).GetValue<int>(), row.Cell(8).GetString()));
        }

        return rows;
    }
}
