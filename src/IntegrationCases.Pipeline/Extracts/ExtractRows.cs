using System.Globalization;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Mart;

namespace IntegrationCases.Pipeline.Extracts;

/// <summary>One row of the yearly cashflow that both the CSV and the XLSX extract show.</summary>
public sealed record ExtractCashflowRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Year, DateOnly FirstMonth,
    string LineCode, string LineLabel, decimal Baseline, decimal Investment, decimal Difference);

/// <summary>One cohort of a case's intake plan ('tilgang', METHOD.md section 3a): hold number (from 1), start and persons.</summary>
public sealed record ExtractPlanRow(
    string ScenarioId, string ScenarioName, string CaseId, string CaseName, int Cohort, DateOnly StartDate, double Participants);

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

    /// <summary>Each case's resolved intake plan as the engine echoes it (one cohort for a case without a plan), in extract order.</summary>
    public static IReadOnlyList<ExtractPlanRow> Plan(MunicipalityExtract extract)
    {
        var scenarios = extract.Scenarios.ToDictionary(s => s.ScenarioId, StringComparer.Ordinal);
        return
        [
            .. Ordered(extract).SelectMany(c => c.Result.Cohorts.Select((cohort, i) => new ExtractPlanRow(
                c.ScenarioId,
                scenarios.TryGetValue(c.ScenarioId, out var s) ? s.Name : c.ScenarioId,
                c.Result.CaseId,
                CaseName(extract, c.Result.CaseId),
                i + 1,
                cohort.StartDate,
                cohort.Participants))),
        ];
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
