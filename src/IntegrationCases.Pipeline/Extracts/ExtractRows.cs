using System.Globalization;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>One row of the yearly cashflow that both the CSV and the XLSX extract show.</summary>
public sealed record ExtractCashflowRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Year, DateOnly FirstMonth,
    string LineCode, string LineLabel, decimal Baseline, decimal Investment, decimal Difference);

/// <summary>Flattens a municipality's results into the rows of its extract: per scenario, case, year the ten lines and the net.</summary>
public static class ExtractRows
{
    public static IReadOnlyList<ExtractCashflowRow> Cashflow(MunicipalityExtract extract)
    {
        var scenarios = extract.Scenarios.ToDictionary(s => s.ScenarioId, StringComparer.Ordinal);
        var rows = new List<ExtractCashflowRow>();
        foreach (var c in Ordered(extract))
        {
            var scenarioName = scenarios.TryGetValue(c.ScenarioId, out var s) ? s.Name : c.ScenarioId;
            var caseName = CaseName(extract, c.Result.CaseId);
            foreach (var y in c.Result.Years)
            {
                var firstMonth = DateOnly.ParseExact(y.FirstMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var line in LineCatalogue.All)
                {
                    rows.Add(new(c.ScenarioId, scenarioName, c.Result.CaseId, caseName, y.Year, firstMonth, line.Code, line.Label,
                        y.Baseline[line.Code], y.Investment[line.Code], y.Difference[line.Code]));
                }

                rows.Add(new(c.ScenarioId, scenarioName, c.Result.CaseId, caseName, y.Year, firstMonth, LineCatalogue.Net.Code, LineCatalogue.Net.Label,
                    y.Baseline.Net, y.Investment.Net, y.Difference.Net));
            }
        }

        return rows;
    }

    /// <summary>Standard scenario first, then the municipality's own; cases in catalogue order.</summary>
    public static IEnumerable<EvaluatedCase> Ordered(MunicipalityExtract extract)
    {
        var caseOrder = extract.Catalogue.Cases.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return extract.Cases
            .OrderBy(c => c.ScenarioId == ScenarioDefinition.Standard ? 0 : 1)
            .ThenBy(c => c.ScenarioId, StringComparer.Ordinal)
            .ThenBy(c => caseOrder.GetValueOrDefault(c.Result.CaseId, int.MaxValue))
            .ThenBy(c => c.Result.CaseId, StringComparer.Ordinal);
    }

    public static string CaseName(MunicipalityExtract extract, string caseId) =>
        extract.Catalogue.TryGet(caseId, out var definition) ? definition.Name : caseId;
}

/// <summary>
/// One line of a municipal intake plan as both extracts show it: a cohort (its number in the plan, start and
/// persons) or, with <see cref="Cohort"/> null, the total of the scenario year after that year's cohorts.
/// </summary>
public sealed record ExtractPlanRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Year, DateOnly FirstMonth,
    int? Cohort, DateOnly? CohortStart, int Cohorts, double Persons);

/// <summary>The intake plans of a municipality's scenarios (METHOD.md 3a), for the plan sheet and the CSV's plan section.</summary>
public static class ExtractPlanRows
{
    /// <summary>
    /// For every case of a plan scenario (<see cref="ScenarioDefinition.IsPlan"/>), in the extract's order: per scenario
    /// year in which cohorts start, each cohort in start order and then the year's total. Empty when no scenario is a plan.
    /// </summary>
    public static IReadOnlyList<ExtractPlanRow> Of(MunicipalityExtract extract)
    {
        var plans = extract.Scenarios.Where(s => s.IsPlan).ToDictionary(s => s.ScenarioId, StringComparer.Ordinal);
        var rows = new List<ExtractPlanRow>();
        foreach (var c in ExtractRows.Ordered(extract).Where(c => plans.ContainsKey(c.ScenarioId)))
        {
            var scenarioName = plans[c.ScenarioId].Name;
            var caseName = ExtractRows.CaseName(extract, c.Result.CaseId);
            var number = 0;
            foreach (var year in IntakeYear.Of(c.Result))
            {
                foreach (var cohort in c.Result.Cohorts.Where(k => IntakeYear.YearOf(c.Result.StartDate, k) == year.Year))
                {
                    rows.Add(new(c.ScenarioId, scenarioName, c.Result.CaseId, caseName, year.Year, year.FirstMonth, ++number, cohort.StartDate, 1, cohort.Participants));
                }

                rows.Add(new(c.ScenarioId, scenarioName, c.Result.CaseId, caseName, year.Year, year.FirstMonth, null, null, year.Cohorts, year.Persons));
            }
        }

        return rows;
    }
}
