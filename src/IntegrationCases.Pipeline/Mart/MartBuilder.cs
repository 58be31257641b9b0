using System.Globalization;
using System.Text.Json;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Engine.Parameters;
using IntegrationCases.Engine.Results;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Mart;

/// <summary>
/// Turns one run's results into mart rows (pure). Rows are sorted by the table's key, ordinal, so the same
/// results give the same tables whatever order they were computed in.
/// </summary>
public static class MartBuilder
{
    public sealed record RunInfo(
        string RunId, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc, string InputsJson, string ParameterSet, string EngineVersion);

    public static MartDataSet Build(
        RunInfo run,
        MunicipalityRegister register,
        CaseCatalogue catalogue,
        IReadOnlyList<ScenarioDefinition> scenarios,
        IReadOnlyList<EvaluatedCase> cases,
        IReadOnlyList<CaseUncertainty> uncertainty,
        IReadOnlyList<TargetGroupFact> targetGroupRows,
        ParameterStore parameters)
    {
        var tables = new List<MartTableData>
        {
            Table(MartSchema.DimMunicipality, register.All.Select(m => new object?[] { m.Code, m.Name, m.RegionCode, m.RegionName })),
            Table(MartSchema.DimCase, catalogue.Cases.Select(c => new object?[]
            {
                c.Id, Cut(c.Name, 128), Cut(c.TargetGroupLabel, 256), Cut(c.Description, 4000),
            })),
            Table(MartSchema.DimLineItem, LineCatalogue.All.Select(l => new object?[] { l.Code, l.Label, l.Category, l.Actor, l.SortOrder })),
            Table(MartSchema.DimScenario, scenarios.Select(s => new object?[] { s.ScenarioId, Cut(s.Name, 128), s.Kind, Cut(s.Description, 4000), s.IsPlan ? 1 : 0 })),
            Table(MartSchema.DimScenarioIntake, cases.SelectMany(IntakeRows)),
            Table(MartSchema.DimParameter, ParameterRows(run.RunId, parameters)),
            Table(MartSchema.FactCashflow, cases.SelectMany(c => CashflowRows(run.RunId, c))),
            Table(MartSchema.FactCaseResult, cases.Select(c => CaseResultRow(run.RunId, c))),
            Table(MartSchema.FactSelfSupporting, cases.SelectMany(c => c.Result.Years.Select(y => new object?[]
            {
                run.RunId, c.ScenarioId, c.Result.MunicipalityCode, c.Result.CaseId, y.Year,
                y.SelfSupportingAtYearEnd.Baseline, y.SelfSupportingAtYearEnd.Investment,
            }))),
            Table(MartSchema.FactTargetGroup, TargetGroupRows(targetGroupRows)),
            Table(MartSchema.FactUncertainty, uncertainty.Select(u => UncertaintyRow(run.RunId, u))),
        };

        var rowCounts = tables.ToDictionary(t => t.Table.Name, t => t.Rows.Count, StringComparer.Ordinal);
        rowCounts[MartSchema.RunManifest.Name] = 1;
        tables.Add(Table(MartSchema.RunManifest,
        [
            [
                run.RunId, run.StartedUtc.ToUniversalTime(), run.FinishedUtc.ToUniversalTime(), run.InputsJson, run.ParameterSet,
                run.EngineVersion, JsonSerializer.Serialize(new SortedDictionary<string, int>(rowCounts, StringComparer.Ordinal)),
            ],
        ]));
        return new MartDataSet(run.RunId, tables);
    }

    /// <summary>
    /// Every dated value of every series in the run's effective store (the default plus accepted overrides),
    /// including values not yet or no longer in force, so a result can be traced to the value it used.
    /// </summary>
    private static IEnumerable<object?[]> ParameterRows(string runId, ParameterStore parameters) =>
        parameters.Series.SelectMany(series => series.Values
            // One row per (id, valid_from); the store keeps dates unique, the last one wins if not.
            .GroupBy(v => v.ValidFrom)
            .Select(g => g.Last())
            .Where(v => double.IsFinite(v.Value))
            .Select(v => new object?[]
            {
                runId, Cut(series.Id, 128), v.ValidFrom, v.Value, Cut(string.IsNullOrEmpty(v.Unit) ? series.Unit : v.Unit, 64),
                Cut(series.Description, 1000), Cut(v.Source, 1000), v.IsEstimate ? 1 : 0,
                string.IsNullOrEmpty(v.Note) ? null : Cut(v.Note, 4000),
            }));

    /// <summary>
    /// The persons starting in each year of a case's scenario (dim_scenario_intake): its resolved plan, grouped by
    /// the scenario year its cohorts start in. Only years in which a cohort starts get a row.
    /// </summary>
    private static IEnumerable<object?[]> IntakeRows(EvaluatedCase c)
    {
        var r = c.Result;
        return IntakeYear.Of(r).Select(y => new object?[] { c.ScenarioId, r.MunicipalityCode, r.CaseId, y.Year, y.FirstMonth, y.Cohorts, y.Persons });
    }

    private static IEnumerable<object?[]> CashflowRows(string runId, EvaluatedCase c)
    {
        var r = c.Result;
        foreach (var year in r.Years)
        {
            var firstMonth = DateOnly.ParseExact(year.FirstMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var line in LineCatalogue.All)
            {
                yield return
                [
                    runId, c.ScenarioId, r.MunicipalityCode, r.CaseId, year.Year, firstMonth, line.Code,
                    year.Baseline[line.Code], year.Investment[line.Code], year.Difference[line.Code],
                ];
            }
        }
    }

    private static object?[] CaseResultRow(string runId, EvaluatedCase c)
    {
        var k = c.Result.Kpis;
        return
        [
            runId, c.ScenarioId, c.Result.MunicipalityCode, c.Result.CaseId, c.Participants,
            k.InvestmentTotal, k.NetEffectTotal, k.Npv, Finite(k.ReturnPerKrone), k.PaybackMonth, Finite(k.BreakEvenEffectMultiplier),
            k.BenefitMonthsSaved,
        ];
    }

    private static object?[] UncertaintyRow(string runId, CaseUncertainty u)
    {
        var (net, npv) = (u.MonteCarlo.NetEffectTotal, u.MonteCarlo.Npv);
        return
        [
            runId, u.ScenarioId, u.MunicipalityCode, u.CaseId,
            net.P5, net.P10, net.P50, net.P90, net.P95, net.Mean,
            npv.P5, npv.P10, npv.P50, npv.P90, npv.P95, npv.Mean,
            u.MonteCarlo.ProbabilityNetPositive, u.MonteCarlo.PaybackWithinHorizonShare, u.MonteCarlo.Draws,
            u.MonteCarlo.Seed.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static IEnumerable<object?[]> TargetGroupRows(IReadOnlyList<TargetGroupFact> rows) =>
        rows
            // The key is (municipality, target group, period, source); the builder gives each once, the last one wins.
            .GroupBy(t => (t.MunicipalityCode, t.TargetGroup, t.Period, Source: Cut(t.Source, 256)))
            .Select(g => g.Last())
            .Select(t => new object?[]
            {
                t.MunicipalityCode, Cut(t.TargetGroup, 64), Cut(t.Period, 16), Finite(t.FullTimePersons), Finite(t.Persons), Cut(t.Source, 256),
            });

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    private static MartTableData Table(MartTable table, IEnumerable<object?[]> rows)
    {
        var keys = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsKey).Select(x => x.i).ToArray();
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var k in keys)
            {
                var cmp = CompareValues(a[k], b[k]);
                if (cmp != 0)
                {
                    return cmp;
                }
            }

            return 0;
        });
        return new MartTableData(table, list);
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
