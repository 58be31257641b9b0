using System.Text;
using IntegrationCases.Engine.Evaluation;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// The CSV extract: the yearly cashflow, one row per scenario, case, year and line (the net included), in
/// Danish: ';' as separator, decimal comma, UTF-8 with BOM (Excel opens it with the æøå right), '\n' line ends.
/// </summary>
public static class CsvExtractWriter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Kommunekode", "Kommune", "Scenarie-id", "Scenarie", "Case-id", "Business case", "År", "Første måned",
        "Postkode", "Budgetpost", "Basisforløb (kr.)", "Investeringsforløb (kr.)", "Forskel (kr.)",
    ];

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

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal))];
    }
}
