using System.Globalization;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>One row of the yearly cashflow that both the CSV and the XLSX extract show.</summary>
public sealed record ExtractCashflowRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Year, DateOnly FirstMonth,
    string LineCode, string LineLabel, decimal Baseline, decimal Investment, decimal Difference);

/// <summary>
/// One cohort of a case's resolved intake plan ('tilgang', METHOD.md section 3a), as every extract shows it: its
/// number in the plan (from 1, in start order), start and persons, and the scenario year it starts in (year 1 is
/// the first 12 months from the scenario's start date, as in the cashflow, so with a January start a budget year).
/// </summary>
public sealed record ExtractPlanRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Cohort, DateOnly StartDate, double Participants,
    int Year, DateOnly FirstMonth);

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

    /// <summary>
    /// The one builder of the plan rows (the XLSX's 'Tilgang' section and the CSV's plan section): each case's
    /// resolved intake plan as the engine echoes it, in extract order, one row per cohort. A case without a plan has
    /// one cohort on its start date, so the rows of a case always sum to its 'Deltagere (fuldtid)'.
    /// </summary>
    public static IReadOnlyList<ExtractPlanRow> Plan(MunicipalityExtract extract)
    {
        var scenarios = extract.Scenarios.ToDictionary(s => s.ScenarioId, StringComparer.Ordinal);
        var rows = new List<ExtractPlanRow>();
        foreach (var c in Ordered(extract))
        {
            var scenarioName = scenarios.TryGetValue(c.ScenarioId, out var s) ? s.Name : c.ScenarioId;
            var caseName = CaseName(extract, c.Result.CaseId);
            var number = 0;
            foreach (var cohort in c.Result.Cohorts)
            {
                var year = IntakeYear.YearOf(c.Result.StartDate, cohort);
                rows.Add(new(c.ScenarioId, scenarioName, c.Result.CaseId, caseName, ++number, cohort.StartDate, cohort.Participants,
                    year, IntakeYear.FirstMonthOf(c.Result.StartDate, year)));
            }
        }

        return rows;
    }

    /// <summary>Whether a case of the extract belongs to an intake plan scenario (the CSV then carries the plan section).</summary>
    public static bool HasPlan(MunicipalityExtract extract)
    {
        var plans = extract.Scenarios.Where(s => s.IsPlan).Select(s => s.ScenarioId).ToHashSet(StringComparer.Ordinal);
        return extract.Cases.Any(c => plans.Contains(c.ScenarioId));
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
