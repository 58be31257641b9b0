using System.Text;
using IntegrationCases.Engine.Evaluation;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// The CSV extract: the yearly cashflow, one row per scenario, case, year and line (the net included), in
/// Danish: ';' as separator, decimal comma, UTF-8 with BOM (Excel opens it with the æøå right), '\n' line ends.
/// When a scenario of the municipality is an intake plan, a plan section follows after one empty line, with its
/// own header (<see cref="PlanHeader"/>): the same rows as the XLSX sheet 'Tilgangsplan'.
/// </summary>
public static class CsvExtractWriter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Kommunekode", "Kommune", "Scenarie-id", "Scenarie", "Case-id", "Business case", "År", "Første måned",
        "Postkode", "Budgetpost", "Basisforløb (kr.)", "Investeringsforløb (kr.)", "Forskel (kr.)",
    ];

    /// <summary>The header of the plan section: the municipality, then the columns of the XLSX plan sheet.</summary>
    public static readonly IReadOnlyList<string> PlanHeader =
        ["Kommunekode", "Kommune", "Scenarie-id", .. XlsxExtractWriter.IntakePlanHeader];

    public static byte[] Write(MunicipalityExtract extract)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var r in ExtractRows.Cashflow(extract))
            {
                using var row = writer.NewRow();
                string[] values =
                [
                    extract.Municipality.Code, extract.Municipality.Name, r.ScenarioId, r.ScenarioName, r.CaseId, r.CaseName,
                    Danish.Number(r.Year), Danish.Date(r.FirstMonth), r.LineCode, r.LineLabel,
                    Danish.Money(r.Baseline), Danish.Money(r.Investment), Danish.Money(r.Difference),
                ];
                for (var i = 0; i < Header.Count; i++)
                {
                    row[Header[i]].Set(values[i]);
                }
            }
        }

        var body = text.ToString();
        if (body.Length == 0)
        {
            body = string.Join(';', Header) + "\n";
        }

        body += PlanSection(extract);

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal))];
    }

    /// <summary>The plan section: an empty line, its header and one row per cohort and per year's total; empty without a plan.</summary>
    private static string PlanSection(MunicipalityExtract extract)
    {
        var rows = ExtractPlanRows.Of(extract);
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var r in rows)
            {
                using var row = writer.NewRow();
                string[] values =
                [
                    extract.Municipality.Code, extract.Municipality.Name, r.ScenarioId, r.ScenarioName, r.CaseId, r.CaseName,
                    Danish.Number(r.Year), Danish.Date(r.FirstMonth),
                    r.Cohort is { } number ? Danish.Number(number) : XlsxExtractWriter.IntakePlanTotal,
                    r.CohortStart is { } start ? Danish.Date(start) : string.Empty,
                    r.Cohort is null ? Danish.Number(r.Cohorts) : string.Empty,
                    Danish.Number(r.Persons),
                ];
                for (var i = 0; i < PlanHeader.Count; i++)
                {
                    row[PlanHeader[i]].Set(values[i]);
                }
            }
        }

        return "\n" + text.ToString();
    }
}
