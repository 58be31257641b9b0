using IntegrationCases.Engine.Cases;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Pipeline.Tests.Ingestion;

/// <summary>The mapping from ingested counts to each case's participants and to τ (docs/data-formats.md).</summary>
public sealed class MunicipalityFactsBuilderTests
{
    private static readonly MunicipalityRegister Register = MunicipalityRegister.Default;

    private static Lineage L(string path, long row = 1) => new(path, "hash", row);

    private static TargetGroupCount Jobindsats(string muni, string caseId, string month, double? fte, string table = "Y35A02") =>
        new(muni, caseId, month, fte, fte is null ? null : Math.Ceiling(fte.Value), $"Jobindsats {table}", L($"jobindsats/{table}/2025.json"));

    private static CuratedData Counts(params TargetGroupCount[] counts) => CuratedData.Empty with { TargetGroupCounts = counts };

    [Fact]
    public void Jobindsats_gives_the_average_monthly_full_time_persons_of_the_latest_year()
    {
        var data = Counts(
            Jobindsats("101", "NY-JOB-30", "2024M12", 500),
            Jobindsats("101", "NY-JOB-30", "2025M01", 10),
            Jobindsats("101", "NY-JOB-30", "2025M02", 20),
            Jobindsats("101", "NY-JOB-30", "2025M03", 30),
            Jobindsats("147", "NY-JOB-30", "2025M01", 3));

        var build = MunicipalityFactsBuilder.Build([data], ["NY-JOB-30"], Register);

        Assert.Equal(20, build.Facts["101"].TargetGroupPersonsByCase["NY-JOB-30"]);
        Assert.Equal(1, build.Facts["147"].TargetGroupPersonsByCase["NY-JOB-30"]); // absent months count as 0
        var row = build.TargetGroupRows.Single(r => r.MunicipalityCode == "101");
        Assert.Equal(("NY-JOB-30", "2025M01-2025M03", 20.0), (row.TargetGroup, row.Period, row.FullTimePersons!.Value));
        Assert.StartsWith("Jobindsats Y35A02, gns. af 3 måneder (jobindsats/Y35A02/2025.json)", row.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_year_is_labelled_by_the_year()
    {
        var data = Counts([.. Enumerable.Range(1, 12).Select(m => Jobindsats("101", "IGU", $"2025M{m:00}", m))]);
        var build = MunicipalityFactsBuilder.Build([data], ["IGU"], Register);
        Assert.Equal(6.5, build.Facts["101"].TargetGroupPersonsByCase["IGU"]);
        Assert.Equal("2025", build.TargetGroupRows.Single().Period);
    }

    [Fact]
    public void The_municipalitys_own_extract_wins_over_Jobindsats_and_its_latest_period_is_used()
    {
        var own = Counts(
            new TargetGroupCount("101", "NY-JOB-30", "2024", 70, 80, "Kommunens eget udtræk", L("target-groups/kbh.csv", 3)),
            new TargetGroupCount("101", "NY-JOB-30", "2025", 75, 90, "Kommunens eget udtræk", L("target-groups/kbh.csv", 4)));
        var jobindsats = Counts(Jobindsats("101", "NY-JOB-30", "2025M01", 10));

        var build = MunicipalityFactsBuilder.Build([jobindsats, own], ["NY-JOB-30"], Register);

        Assert.Equal(75, build.Facts["101"].TargetGroupPersonsByCase["NY-JOB-30"]);
        Assert.Equal("Kommunens eget udtræk (target-groups/kbh.csv)", build.TargetGroupRows.Single(r => r.TargetGroup == "NY-JOB-30").Source);
    }

    [Fact]
    public void A_municipality_without_a_Jobindsats_figure_gets_an_estimate_from_its_share_of_the_DST_refugee_stock()
    {
        var dst = Counts(
            new TargetGroupCount("101", DstTables.Refugees, "2025", null, 800, "DST INDOPH1", L("dst/INDOPH1/2025.csv")),
            new TargetGroupCount("101", DstTables.FamilyReunifiedToRefugees, "2025", null, 200, "DST INDOPH1", L("dst/INDOPH1/2025.csv")),
            new TargetGroupCount("147", DstTables.Refugees, "2025", null, 100, "DST INDOPH1", L("dst/INDOPH1/2025.csv")),
            new TargetGroupCount("151", DstTables.Refugees, "2025", null, 300, "DST INDOPH1", L("dst/INDOPH1/2025.csv")));
        var jobindsats = Counts(
            Jobindsats("101", "NY-UNG", "2025M01", 50),
            Jobindsats("147", "NY-UNG", "2025M01", null),
            Jobindsats("151", "NY-UNG", "2025M01", 10));

        var build = MunicipalityFactsBuilder.Build([dst, jobindsats], ["NY-UNG"], Register);

        // Ratio over 101 and 151: (50 + 10) / (1000 + 300); 147 has a stock of 100.
        Assert.Equal(100 * 60.0 / 1300, build.Facts["147"].TargetGroupPersonsByCase["NY-UNG"], 10);
        Assert.StartsWith("Skøn", build.TargetGroupRows.Single(r => r.MunicipalityCode == "147" && r.TargetGroup == "NY-UNG").Source, StringComparison.Ordinal);
        Assert.Contains(build.TargetGroupRows, r => r is { MunicipalityCode: "101", TargetGroup: DstTables.Refugees, Persons: 800 });
        Assert.False(build.Facts["153"].TargetGroupPersonsByCase.ContainsKey("NY-UNG"));
        Assert.Contains(build.Notes, n => n.StartsWith("NY-UNG: no count for 95 municipalities", StringComparison.Ordinal));
    }

    [Fact]
    public void Tax_rates_become_kommuneskat_by_year_and_a_later_file_wins()
    {
        var older = CuratedData.Empty with { TaxRates = [new("101", 2026, 0.234, L("dst/PSKAT/2026a.csv")), new("101", 2025, 0.233, L("dst/PSKAT/2026a.csv"))] };
        var newer = CuratedData.Empty with { TaxRates = [new("101", 2026, 0.235, L("dst/PSKAT/2026b.csv"))] };

        var build = MunicipalityFactsBuilder.Build([newer, older], StandardCases.All, Register);

        Assert.Equal(new Dictionary<int, double> { [2025] = 0.233, [2026] = 0.235 }, build.Facts["101"].KommuneskatRateByYear);
        Assert.Empty(build.Facts["851"].KommuneskatRateByYear);
        Assert.Equal(98, build.Facts.Count);
        Assert.Equal("Aalborg", build.Facts["851"].Name);
    }

    [Fact]
    public void The_engine_catalogue_overload_maps_every_standard_case()
    {
        var data = Counts([.. StandardCases.All.Select(c => Jobindsats("101", c, "2025M01", 5))]);
        var build = MunicipalityFactsBuilder.Build([data], CaseCatalogue.Standard, Register);
        Assert.Equal(CaseCatalogue.Standard.Cases.Select(c => c.Id).Order(), build.Facts["101"].TargetGroupPersonsByCase.Keys.Order());
    }

    [Fact]
    public void Fact_rows_are_unique_on_the_mart_key()
    {
        var data = Counts(
            Jobindsats("101", "NY-UNG", "2025M01", 5),
            new TargetGroupCount("101", DstTables.Refugees, "2025", null, 800, "DST INDOPH1", L("dst/INDOPH1/2025.csv")));
        var build = MunicipalityFactsBuilder.Build([data, data], StandardCases.All, Register);
        Assert.Equal(build.TargetGroupRows.Count, build.TargetGroupRows.Select(r => (r.MunicipalityCode, r.TargetGroup, r.Period, r.Source)).Distinct().Count());
        Assert.All(build.TargetGroupRows, r => Assert.True(r.Source.Length <= 256 && r.Period.Length <= 16));
    }
    [Fact]
    public void The_population_becomes_one_befolkning_row_per_municipality_for_its_latest_period()
    {
        var data = CuratedData.Empty with
        {
            Population =
            [
                new PopulationCount("101", "2025K1", 650_000, L("dst/FOLK1A/2025K1.csv")),
                new PopulationCount("101", "2025M05", 655_000, L("dst/FOLK1AM/2025M05.csv")),
                new PopulationCount("101", "2025M04", 654_000, L("dst/FOLK1AM/2025M05.csv")),
                new PopulationCount("147", "2025M06", 105_000, L("dst/FOLK1AM/2025M06.csv")),
            ],
        };

        var build = MunicipalityFactsBuilder.Build([data], ["NY-JOB-30"], Register);

        var rows = build.TargetGroupRows.Where(r => r.TargetGroup == DstTables.Population).ToList();
        Assert.Equal(["101", "147"], rows.Select(r => r.MunicipalityCode));
        Assert.Equal(("2025M05", 655_000.0, (double?)null), (rows[0].Period, rows[0].Persons!.Value, rows[0].FullTimePersons));
        Assert.Equal("DST befolkning (dst/FOLK1AM/2025M05.csv)", rows[0].Source);
        Assert.Empty(build.Facts["101"].TargetGroupPersonsByCase); // the population is no case's participants
    }

    [Fact]
    public async Task A_count_in_a_target_groups_csv_reaches_the_facts_under_the_case_id_and_the_default_participants_of_an_evaluation()
    {
        const string csv = "kommunekode;case_id;periode;fuldtidspersoner;personer;kilde\n851;NY-JOB-30;2025;42,5;50;Jobcenterets opgørelse\n";
        var outcome = await Ingest.Text("target-groups/aalborg-2025.csv", csv);
        Assert.True(outcome.Accepted, Ingest.Describe(outcome));

        var build = MunicipalityFactsBuilder.Build([outcome.Curated!], CaseCatalogue.Standard, Register);

        Assert.Equal(42.5, build.Facts["851"].TargetGroupPersonsByCase["NY-JOB-30"]);
        var definition = CaseCatalogue.Standard.Cases.Single(c => c.Id == "NY-JOB-30");
        var context = IntegrationCases.Pipeline.Scenarios.EvaluationContextFactory.Create(
            IntegrationCases.Engine.Parameters.ParameterStore.Default, new DateOnly(2027, 1, 1), build.Facts, Register, CaseCatalogue.Standard);
        var request = new IntegrationCases.Engine.Scenarios.ScenarioRequest { MunicipalityCode = "851", CaseId = "NY-JOB-30" };
        var evaluation = IntegrationCases.Engine.Evaluation.ScenarioEvaluator.Evaluate(request, context);
        Assert.True(evaluation.IsValid, string.Join("; ", evaluation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Equal(42.5 * definition.ParticipationShare, IntegrationCases.Pipeline.Mart.EvaluatedCase.ParticipantsOf(evaluation.Result!), 9);
    }
}
