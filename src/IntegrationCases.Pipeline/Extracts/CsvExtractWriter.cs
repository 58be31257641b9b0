using System.Text;
using IntegrationCases.Engine.Evaluation;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// The CSV extract: the yearly cashflow, one row per scenario, case, year and line (the net included), in
/// Danish: ';' as separator, decimal comma, UTF-8 with BOM (Excel opens it with the æøå right), '\n' line ends.
/// When a scenario of the municipality is an intake plan, a plan section follows after one empty line, with its
/// own header (<see cref="PlanHeader"/>): the rows of the XLSX's 'Tilgang' section (<see cref="ExtractRows.Plan"/>).
/// Without a plan the file is the cashflow alone, and with one the cashflow part is byte for byte the same.
/// </summary>
public static class CsvExtractWriter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Kommunekode", "Kommune", "Scenarie-id", "Scenarie", "Case-id", "Business case", "År", "Første måned",
        "Postkode", "Budgetpost", "Basisforløb (kr.)", "Investeringsforløb (kr.)", "Forskel (kr.)",
    ];

    /// <summary>The header of the plan section: the municipality and the scenario id, then the columns of the XLSX's 'Tilgang' section.</summary>
    public static readonly IReadOnlyList<string> PlanHeader =
        ["Kommunekode", "Kommune", "Scenarie-id", .. XlsxExtractWriter.PlanHeader];

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

    /// <summary>The plan section: an empty line, its header and one row per cohort of every case; empty without a plan.</summary>
    private static string PlanSection(MunicipalityExtract extract)
    {
        if (!ExtractRows.HasPlan(extract))
        {
            return string.Empty;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var r in ExtractRows.Plan(extract))
            {
                using var row = writer.NewRow();
                string[] values =
                [
                    extract.Municipality.Code, extract.Municipality.Name, r.ScenarioId, r.ScenarioName, r.CaseId, r.CaseName,
                    Danish.Number(r.Cohort), Danish.Date(r.StartDate), Danish.Number(r.Participants),
                    Danish.Number(r.Year), Danish.Date(r.FirstMonth),
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
