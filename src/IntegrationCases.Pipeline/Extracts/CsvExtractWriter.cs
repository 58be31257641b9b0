using System.Text;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Pipeline.Mart;
using nietras.SeparatedValues;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>
/// The CSV extract: the yearly cashflow, one row per scenario, case, year and line (the net included), in
/// Danish: ';' as separator, decimal comma, UTF-8 with BOM (Excel opens it with the æøå right), '\n' line ends.
/// When a scenario of the municipality is an intake plan, a plan section follows after one empty line, with its
/// own header (<see cref="PlanHeader"/>): the rows of the XLSX's 'Tilgang' section (<see cref="ExtractRows.Plan"/>).
/// Then, after one more empty line, the uncertainty section (<see cref="UncertaintyHeader"/>: the municipality,
/// the case and fact_uncertainty's columns by their Danish names), one row per case whose uncertainty the extract
/// carries. The cashflow part is byte for byte the same whatever follows; a reader tells the sections by their
/// header lines.
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

    /// <summary>The uncertainty section's columns: the municipality and case, then fact_uncertainty's columns by their Danish names.</summary>
    public static readonly IReadOnlyList<string> UncertaintyHeader =
    [
        "Kommunekode", "Kommune", "Scenarie-id", "Case-id", "Business case",
        .. MartSchema.FactUncertainty.Columns.Where(c => !c.IsKey).Select(c => c.DanishName),
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

        body += PlanSection(extract) + UncertaintySection(extract);

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

    /// <summary>The uncertainty section: an empty line, its header and one row per case; empty when the extract carries none.</summary>
    private static string UncertaintySection(MunicipalityExtract extract)
    {
        if (extract.Uncertainty.Count == 0)
        {
            return string.Empty;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var u in extract.Uncertainty)
            {
                using var row = writer.NewRow();
                var (net, npv, mc) = (u.MonteCarlo.NetEffectTotal, u.MonteCarlo.Npv, u.MonteCarlo);
                string[] values =
                [
                    extract.Municipality.Code, extract.Municipality.Name, u.ScenarioId, u.CaseId, ExtractRows.CaseName(extract, u.CaseId),
                    Danish.Money(net.P5), Danish.Money(net.P10), Danish.Money(net.P50), Danish.Money(net.P90), Danish.Money(net.P95), Danish.Money(net.Mean),
                    Danish.Money(npv.P5), Danish.Money(npv.P10), Danish.Money(npv.P50), Danish.Money(npv.P90), Danish.Money(npv.P95), Danish.Money(npv.Mean),
                    Danish.Number(mc.ProbabilityNetPositive), Danish.Number(mc.PaybackWithinHorizonShare), Danish.Number(mc.Draws),
                    mc.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ];
                for (var i = 0; i < UncertaintyHeader.Count; i++)
                {
                    row[UncertaintyHeader[i]].Set(values[i]);
                }
            }
        }

        return "\n" + text.ToString();
    }
}
