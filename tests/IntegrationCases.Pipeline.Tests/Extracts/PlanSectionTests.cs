using System.Text;
using ClosedXML.Excel;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Municipalities;
using IntegrationCases.Pipeline.Scenarios;

namespace IntegrationCases.Pipeline.Tests.Extracts;

/// <summary>
/// The workbook's 'Tilgang' section (XlsxExtractWriter.PlanSection, the one plan presentation of every extract): every case's resolved intake plan, one row a
/// cohort, and the participants of the case the sum over its cohorts (METHOD.md section 3a).
/// </summary>
public sealed class PlanSectionTests
{
    private const string Title = XlsxExtractWriter.PlanSectionTitle;

    private static readonly EvaluationContext Context = EvaluationContextFactory.Create(ParameterStore.Default, new DateOnly(2027, 1, 1));

    private static readonly Municipality Aalborg = MunicipalityRegister.Default.TryGetByCode("851", out var m) ? m : throw new InvalidOperationException("851 is not in the register.");

    [Fact]
    public void A_scenario_workbook_of_a_three_year_plan_lists_each_cohort_and_counts_their_sum_as_participants()
    {
        var result = Evaluate("""
            {"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2027-01-01",
             "cohorts":[{"startDate":"2029-01-01","participants":30},{"startDate":"2027-01-01","participants":40},{"startDate":"2028-01-01","participants":35.5}]}
            """);

        using var workbook = Read(ScenarioExtract.For(Aalborg, "run-1", result, Context));

        Assert.Equal(
            [
                [ScenarioExtract.ScenarioName, "NY-JOB-30", "1", "2027-01-01", "40", "1"],
                [ScenarioExtract.ScenarioName, "NY-JOB-30", "2", "2028-01-01", "35.5", "2"],
                [ScenarioExtract.ScenarioName, "NY-JOB-30", "3", "2029-01-01", "30", "3"],
            ],
            PlanRows(workbook.Worksheet("Forudsætninger")));
        Assert.Equal(105.5, workbook.Worksheet("Nøgletal").Cell(2, 4).GetDouble());
        Assert.Equal(105.5, CasesTableParticipants(workbook.Worksheet("Forudsætninger")));
        Assert.Equal(result.Kpis.NetEffectTotal, (decimal)workbook.Worksheet("Nøgletal").Cell(2, 6).GetDouble());
    }

    [Fact]
    public void Every_case_of_an_extract_has_its_plan_and_a_case_without_one_a_single_cohort_on_the_start()
    {
        var single = Evaluate("""{"municipalityCode":"851","caseId":"NY-AKT-30","startDate":"2027-01-01","participants":12.25}""");
        var plan = Evaluate("""{"municipalityCode":"851","caseId":"NY-JOB-30","startDate":"2027-01-01","cohorts":[{"startDate":"2027-01-01","participants":10},{"startDate":"2027-07-01","participants":5}]}""");
        var own = new ScenarioDefinition("municipal-851-plan", "Egen plan (851)", ScenarioDefinition.Municipal, "Kommunens egen tilgang.");
        var extract = new MunicipalityExtract(
            Aalborg, "run-2", new DateOnly(2027, 1, 1), Context.Parameters.ContentHash, "test", Context.Municipalities["851"], Context.Catalogue,
            [new ScenarioDefinition(ScenarioDefinition.Standard, "Standard", ScenarioDefinition.Standard, "Standardcasen."), own],
            [new EvaluatedCase(own.ScenarioId, 15, plan), new EvaluatedCase(ScenarioDefinition.Standard, 12.25, single)]);

        using var workbook = Read(extract);

        // Extract order: the standard scenario first, then the municipality's own.
        Assert.Equal(
            [
                ["Standard", "NY-AKT-30", "1", "2027-01-01", "12.25", "1"],
                ["Egen plan (851)", "NY-JOB-30", "1", "2027-01-01", "10", "1"],
                ["Egen plan (851)", "NY-JOB-30", "2", "2027-07-01", "5", "1"],
            ],
            PlanRows(workbook.Worksheet("Forudsætninger")));
    }

    private static ScenarioResult Evaluate(string json)
    {
        var parsed = ScenarioJson.Parse(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(parsed.Scenario);
        var outcome = ScenarioEvaluator.Evaluate(parsed.Scenario, Context);
        Assert.True(outcome.Result is not null, string.Join(" ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return outcome.Result;
    }

    private static XLWorkbook Read(MunicipalityExtract extract) => new(new MemoryStream(XlsxExtractWriter.Write(extract)));

    /// <summary>The rows under the section's header: scenario, case, cohort, start, persons, scenario year (the case name and the year's first month left out).</summary>
    private static List<string[]> PlanRows(IXLWorksheet sheet)
    {
        var title = sheet.Column(1).CellsUsed().Single(c => c.GetString() == Title).Address.RowNumber;
        var header = sheet.Row(title + 1);
        Assert.Equal(["Scenarie", "Case-id", "Business case", "Hold", "Start", "Deltagere (fuldtid)", "År", "Første måned"], header.CellsUsed().Select(c => c.GetString()));
        var rows = new List<string[]>();
        for (var r = title + 2; !sheet.Cell(r, 1).IsEmpty(); r++)
        {
            var row = sheet.Row(r);
            Assert.False(string.IsNullOrEmpty(row.Cell(3).GetString()), "Each cohort names its business case.");
            rows.Add([row.Cell(1).GetString(), row.Cell(2).GetString(), row.Cell(4).GetString(), row.Cell(5).GetString(), row.Cell(6).GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture), row.Cell(7).GetString()]);
        }

        return rows;
    }

    /// <summary>'Deltagere (fuldtid)' of the first case in the sheet's cases table.</summary>
    private static double CasesTableParticipants(IXLWorksheet sheet)
    {
        var header = sheet.Column(1).CellsUsed().First(c => c.GetString() == "Scenarie").Address.RowNumber;
        Assert.Equal("Deltagere (fuldtid)", sheet.Cell(header, 6).GetString());
        return sheet.Cell(header + 1, 6).GetDouble();
    }
}
