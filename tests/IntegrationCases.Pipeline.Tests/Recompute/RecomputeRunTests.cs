using System.Text;
using DuckDB.NET.Data;
using nietras.SeparatedValues;
using IntegrationCases.Pipeline.Extracts;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Support;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Behavior;
using Polly.Simmy.Fault;

namespace IntegrationCases.Pipeline.Tests.Recompute;

/// <summary>The recompute run on sample-inputs/: publication, determinism, skipping, rejected inputs and faults.</summary>
public sealed class RecomputeRunTests(SampleRunFixture run) : IClassFixture<SampleRunFixture>
{
    private static CancellationToken Ct => TestContext.Ct;

    [Fact]
    public void The_run_publishes_every_standard_case_for_the_98_municipalities_and_the_municipal_scenarios()
    {
        var s = run.LocalSummary;
        Assert.Equal(RecomputeStatus.Published, s.Status);
        Assert.Equal(11, s.InputsAccepted);
        Assert.Empty(s.Rejected);
        Assert.Equal(98 * 7, s.StandardCasesComputed + s.CasesSkipped.Count(c => c.ScenarioId == ScenarioDefinition.Standard));
        Assert.True(s.StandardCasesComputed >= 98 * 6, $"only {s.StandardCasesComputed} standard cases computed");
        Assert.True(s.MunicipalScenarios >= 4);
        Assert.DoesNotContain(s.CasesSkipped, c => c.ScenarioId != ScenarioDefinition.Standard); // every sample assumption is valid
        Assert.Equal(98, s.RowCounts[MartSchema.DimMunicipality.Name]);
        Assert.Equal(s.CasesComputed, s.RowCounts[MartSchema.FactCaseResult.Name]);
    }

    [Fact]
    public void Latest_holds_every_table_the_manifest_facts_results_and_every_municipalitys_extracts()
    {
        var mart = Path.Combine(run.Local.Path, "mart", MartPaths.Latest);
        foreach (var table in MartSchema.Tables)
        {
            Assert.True(File.Exists(Path.Combine(mart, MartPaths.TableFile(table.Name))), table.Name);
        }

        Assert.True(File.Exists(Path.Combine(mart, MartPaths.ManifestFile)));
        var facts = MunicipalityFactsJson.Parse(File.ReadAllBytes(Path.Combine(mart, MartPaths.MunicipalityFactsFile)));
        Assert.Equal(98, facts.Count);
        Assert.Equal(98, Directory.GetFiles(Path.Combine(mart, "results")).Length);
        Assert.Equal(98 * 2, Directory.GetFiles(Path.Combine(run.Local.Path, "extracts"), "business-cases.*", SearchOption.AllDirectories).Length);
        var manifest = RunManifest.FromJson(File.ReadAllBytes(Path.Combine(mart, MartPaths.ManifestFile)));
        Assert.Equal(run.LocalSummary.RunId, manifest.RunId);
        Assert.Equal(11, manifest.Inputs.Count);
        Assert.All(manifest.Inputs, i => Assert.Matches("^[0-9a-f]{64}$", i.ContentHash));
        Assert.Equal(Engine.EngineInfo.EngineVersion, manifest.EngineVersion);
        Assert.Equal(run.LocalSummary.RowCounts[MartSchema.FactCashflow.Name], manifest.RowCounts[MartSchema.FactCashflow.Name]);
    }

    [Fact]
    public async Task Two_runs_on_the_same_inputs_over_a_folder_and_over_blob_storage_are_byte_identical_but_for_the_run_times()
    {
        Assert.Equal(run.LocalSummary.RunId, run.BlobSummary.RunId);
        var local = SampleRunFixture.Snapshot(Path.Combine(run.Local.Path, "mart", MartPaths.RunFolder(run.LocalSummary.RunId)));
        var blobItems = await run.BlobStorage.ListAsync(StorageArea.Mart, MartPaths.RunFolder(run.BlobSummary.RunId), Ct);
        Assert.Equal(local.Keys.Order(StringComparer.Ordinal), blobItems.Select(i => i.Path[(MartPaths.RunFolder(run.BlobSummary.RunId).Length + 1)..]));
        var timed = new[] { MartPaths.ManifestFile, MartPaths.TableFile(MartSchema.RunManifest.Name) };
        foreach (var (path, bytes) in local.Where(f => !timed.Contains(f.Key) && !f.Key.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var other = await run.BlobStorage.ReadAsync(StorageArea.Mart, $"{MartPaths.RunFolder(run.BlobSummary.RunId)}/{path}", Ct);
            Assert.True(bytes.AsSpan().SequenceEqual(other), $"{path} differs between the two runs");
        }

        var a = RunManifest.FromJson(local[MartPaths.ManifestFile]);
        var b = RunManifest.FromJson(await run.BlobStorage.ReadAsync(StorageArea.Mart, $"{MartPaths.Latest}/{MartPaths.ManifestFile}", Ct));
        var timesCleared = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            Encoding.UTF8.GetString((a with { StartedUtc = timesCleared, FinishedUtc = timesCleared, Files = [] }).ToJson()),
            Encoding.UTF8.GetString((b with { StartedUtc = timesCleared, FinishedUtc = timesCleared, Files = [] }).ToJson()));
        Assert.Equal(a.Files.Where(f => !timed.Contains(f.Path) && !f.Path.EndsWith(".xlsx", StringComparison.Ordinal)),
                     b.Files.Where(f => !timed.Contains(f.Path) && !f.Path.EndsWith(".xlsx", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_run_on_unchanged_inputs_is_skipped_and_writes_nothing()
    {
        using var copy = run.CopyOfLocal();
        var before = SampleRunFixture.Snapshot(copy.Path);
        var storage = PipelineStorage.Create(new StorageOptions { LocalRoot = copy.Path }, PipelineResilience.Storage(TestContext.FastResilience));
        var summary = await new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = SampleRunFixture.StartDate }, null, Ct);
        Assert.Equal(RecomputeStatus.Skipped, summary.Status);
        Assert.Equal(run.LocalSummary.RunId, summary.RunId);
        AssertSame(before, SampleRunFixture.Snapshot(copy.Path));
    }

    [Fact]
    public async Task A_rejected_input_leaves_the_mart_as_it_was_is_kept_raw_with_its_errors_and_is_reported()
    {
        using var copy = run.CopyOfLocal();
        var mart = Path.Combine(copy.Path, "mart");
        var before = SampleRunFixture.Snapshot(mart);
        var storage = PipelineStorage.Create(new StorageOptions { LocalRoot = copy.Path }, PipelineResilience.Storage(TestContext.FastResilience));
        byte[] garbage = [0x00, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("kommune;målgruppe\n851;\"uafsluttet")];
        await storage.WriteAsync(StorageArea.Inputs, "target-groups/broken.csv", garbage, Ct);

        var summary = await new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = SampleRunFixture.StartDate }, null, Ct);

        Assert.Equal(RecomputeStatus.Skipped, summary.Status);
        var rejected = Assert.Single(summary.Rejected);
        Assert.Equal("target-groups/broken.csv", rejected.Path);
        Assert.True(rejected.ErrorCount > 0);
        Assert.Equal(garbage, await storage.ReadAsync(StorageArea.Rejected, "target-groups/broken.csv", Ct));
        Assert.True(await storage.ExistsAsync(StorageArea.Rejected, "target-groups/broken.csv.errors.json", Ct));
        AssertSame(before, SampleRunFixture.Snapshot(mart));
    }

    [Fact]
    public async Task The_CSV_extract_agrees_with_the_Parquet_mart_to_the_øre()
    {
        const string kode = "851";
        var csv = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(run.Local.Path, "extracts", kode, MartPaths.ExtractCsvFile)));
        Assert.StartsWith("\uFEFF" + string.Join(';', CsvExtractWriter.Header), csv, StringComparison.Ordinal);
        var fromCsv = new Dictionary<string, (decimal, decimal, decimal)>(StringComparer.Ordinal);
        var cashflow = csv.TrimStart('\uFEFF').Split("\n\n")[0]; // Aalborg's sample has a plan: its section follows an empty line.
        using (var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Sep = nietras.SeparatedValues.Sep.New(';') }).FromText(cashflow))
        {
            foreach (var row in reader)
            {
                if (row["Postkode"].ToString() == Engine.Results.LineCodes.Net)
                {
                    continue;
                }

                fromCsv[$"{row["Scenarie-id"]}|{row["Case-id"]}|{row["År"]}|{row["Postkode"]}"] = (
                    Engine.Evaluation.Danish.ParseMoney(row["Basisforløb (kr.)"].ToString()),
                    Engine.Evaluation.Danish.ParseMoney(row["Investeringsforløb (kr.)"].ToString()),
                    Engine.Evaluation.Danish.ParseMoney(row["Forskel (kr.)"].ToString()));
            }
        }

        var fromParquet = ReadCashflow(kode);
        Assert.NotEmpty(fromParquet);
        Assert.Equal(fromParquet.OrderBy(p => p.Key, StringComparer.Ordinal), fromCsv.OrderBy(p => p.Key, StringComparer.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public void The_XLSX_extract_agrees_with_the_Parquet_mart_to_the_øre_and_has_the_five_Danish_sheets_with_or_without_a_plan()
    {
        const string kode = "851";
        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(run.Local.Path, "extracts", kode, MartPaths.ExtractXlsxFile));
        Assert.Equal(["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", XlsxExtractWriter.UncertaintySheet], workbook.Worksheets.Select(w => w.Name));
        using (var withoutPlan = new ClosedXML.Excel.XLWorkbook(Path.Combine(run.Local.Path, "extracts", "101", MartPaths.ExtractXlsxFile)))
        {
            Assert.Equal(["Forudsætninger", "Pengestrømme", "Nøgletal", "Enhedspriser", XlsxExtractWriter.UncertaintySheet], withoutPlan.Worksheets.Select(w => w.Name));
        }

        var sheet = workbook.Worksheet("Pengestrømme");
        var fromXlsx = new Dictionary<string, (decimal, decimal, decimal)>(StringComparer.Ordinal);
        var scenarioIds = MunicipalityScenarioNames(kode);
        foreach (var row in sheet.RowsUsed().Skip(1))
        {
            if (row.Cell(4).GetString() == Engine.Results.LineCodes.Net)
            {
                continue;
            }

            for (var year = 1; !row.Cell(XlsxExtractWriter.CashflowColumn(year)).IsEmpty(); year++)
            {
                var column = XlsxExtractWriter.CashflowColumn(year);
                fromXlsx[$"{scenarioIds[row.Cell(1).GetString()]}|{row.Cell(2).GetString()}|{year}|{row.Cell(4).GetString()}"] = (
                    Round(row.Cell(column).GetDouble()), Round(row.Cell(column + 1).GetDouble()), Round(row.Cell(column + 2).GetDouble()));
            }
        }

        Assert.Equal(ReadCashflow(kode).OrderBy(p => p.Key, StringComparer.Ordinal), fromXlsx.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("851", workbook.Worksheet("Forudsætninger").Cell(3, 2).GetString()[^4..^1]);
        Assert.True(workbook.Worksheet("Enhedspriser").RowsUsed().Count() > 1);
    }

    [Fact]
    public void The_uncertainty_sections_of_the_CSV_and_XLSX_extracts_read_back_as_fact_uncertainty()
    {
        const string kode = "851";
        var mart = ReadUncertainty().Where(r => r.Key.StartsWith(kode + "|", StringComparison.Ordinal)).ToDictionary(r => r.Key[4..], r => r.Value, StringComparer.Ordinal);
        Assert.Equal(7, mart.Count);

        var csv = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(run.Local.Path, "extracts", kode, MartPaths.ExtractCsvFile)));
        // The last section, after the cashflow and Aalborg's plan, each after an empty line.
        var section = csv.Split("\n\n")[^1];
        Assert.StartsWith(string.Join(';', CsvExtractWriter.UncertaintyHeader) + "\n", section, StringComparison.Ordinal);
        var fromCsv = new Dictionary<string, (decimal P10, decimal P50, decimal P90, double Probability, int Draws, string Seed)>(StringComparer.Ordinal);
        using (var reader = nietras.SeparatedValues.Sep.Reader(o => o with { Sep = nietras.SeparatedValues.Sep.New(';') }).FromText(section))
        {
            foreach (var row in reader)
            {
                Assert.Equal(kode, row["Kommunekode"].ToString());
                Assert.Equal(ScenarioDefinition.Standard, row["Scenarie-id"].ToString());
                fromCsv[row["Case-id"].ToString()] = (
                    Engine.Evaluation.Danish.ParseMoney(row["Nettoeffekt P10 (kr.)"].ToString()),
                    Engine.Evaluation.Danish.ParseMoney(row["Nettoeffekt P50 (kr.)"].ToString()),
                    Engine.Evaluation.Danish.ParseMoney(row["Nettoeffekt P90 (kr.)"].ToString()),
                    double.Parse(row["Sandsynlighed for positiv nettoeffekt"].ToString().Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(row["Trækninger"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                    row["Frø"].ToString());
            }
        }

        Assert.Equal(mart.OrderBy(p => p.Key, StringComparer.Ordinal), fromCsv.OrderBy(p => p.Key, StringComparer.Ordinal));

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(run.Local.Path, "extracts", kode, MartPaths.ExtractXlsxFile));
        var sheet = workbook.Worksheet(XlsxExtractWriter.UncertaintySheet);
        var header = sheet.Row(XlsxExtractWriter.UncertaintyHeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string name) => header.IndexOf(name) + 1;
        var fromXlsx = new Dictionary<string, (decimal P10, decimal P50, decimal P90, double Probability, int Draws, string Seed)>(StringComparer.Ordinal);
        foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > XlsxExtractWriter.UncertaintyHeaderRow))
        {
            fromXlsx[row.Cell(Column("Case-id")).GetString()] = (
                Round(row.Cell(Column("Nettoeffekt P10 (kr.)")).GetDouble()),
                Round(row.Cell(Column("Nettoeffekt P50 (kr.)")).GetDouble()),
                Round(row.Cell(Column("Nettoeffekt P90 (kr.)")).GetDouble()),
                row.Cell(Column("Sandsynlighed for positiv nettoeffekt")).GetDouble(),
                (int)row.Cell(Column("Trækninger")).GetDouble(),
                row.Cell(Column("Frø")).GetString());
        }

        Assert.Equal(mart.OrderBy(p => p.Key, StringComparer.Ordinal), fromXlsx.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Transient_storage_faults_during_a_run_are_survived_and_give_the_same_mart()
    {
        using var folder = new TempFolder();
        var injected = 0;
        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = folder.Path }, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
            b.AddChaosFault(InjectedFaults.At(0.2, () => new IOException("injected: transient"), () => Interlocked.Increment(ref injected), 4))));
        await SampleRunFixture.CopyInputsAsync(storage);

        var summary = await new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = SampleRunFixture.StartDate }, null, Ct);

        Assert.Equal(RecomputeStatus.Published, summary.Status);
        Assert.True(injected > 20, $"only {injected} faults injected");
        var expected = File.ReadAllBytes(Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactCashflow.Name)));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(folder.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactCashflow.Name))));
    }

    [Fact]
    public async Task A_permanent_fault_while_writing_the_run_fails_it_cleanly_and_latest_is_untouched()
    {
        using var copy = run.CopyOfLocal();
        var before = SampleRunFixture.Snapshot(Path.Combine(copy.Path, "mart", MartPaths.Latest));
        var beforeExtracts = SampleRunFixture.Snapshot(Path.Combine(copy.Path, "extracts"));
        var writing = false;
        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = copy.Path }, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
        {
            var options = InjectedFaults.At(0.05, () => new UnauthorizedAccessException("injected: permission withdrawn"), () => { }, 4);
            options.EnabledGenerator = _ => ValueTask.FromResult(Volatile.Read(ref writing));
            b.AddChaosFault(options);
        }));
        var progress = new Inline(p => Volatile.Write(ref writing, writing || p.Stage == "Gemmer kørslen"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = new DateOnly(2028, 1, 1) }, progress, Ct));

        AssertSame(before, SampleRunFixture.Snapshot(Path.Combine(copy.Path, "mart", MartPaths.Latest)));
        AssertSame(beforeExtracts, SampleRunFixture.Snapshot(Path.Combine(copy.Path, "extracts")));
    }

    [Fact]
    public async Task A_run_stopped_midway_through_publishing_puts_the_previous_latest_and_manifest_back()
    {
        using var copy = run.CopyOfLocal();
        var before = SampleRunFixture.Snapshot(Path.Combine(copy.Path, "mart", MartPaths.Latest));
        var beforeExtracts = SampleRunFixture.Snapshot(Path.Combine(copy.Path, "extracts"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var publishing = false;
        var publishWrites = 0;
        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = copy.Path }, PipelineResilience.Storage(TestContext.FastResilience, innermost: b =>
            b.AddChaosBehavior(new ChaosBehaviorStrategyOptions
            {
                InjectionRate = 1,
                EnabledGenerator = _ => ValueTask.FromResult(Volatile.Read(ref publishing)),
                BehaviorGenerator = _ =>
                {
                    if (Interlocked.Increment(ref publishWrites) == 60)
                    {
                        stop.Cancel(); // The 'kill': about a third of latest/ and the extracts are new by now.
                    }

                    return default;
                },
            })));
        var progress = new Inline(p => Volatile.Write(ref publishing, publishing || p.Stage == "Publicerer"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RecomputeRun(storage).RunAsync(new RecomputeRunOptions { StartDate = new DateOnly(2028, 1, 1) }, progress, stop.Token));

        Assert.True(publishWrites >= 60);
        AssertSame(before, SampleRunFixture.Snapshot(Path.Combine(copy.Path, "mart", MartPaths.Latest)));
        AssertSame(beforeExtracts, SampleRunFixture.Snapshot(Path.Combine(copy.Path, "extracts")));
    }

    [Fact]
    public void Every_unit_price_on_the_XLSX_sheet_is_a_row_of_dim_parameter_with_the_same_value_and_source()
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        var file = Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.DimParameter.Name));
        cmd.CommandText = $"SELECT parameter_id, strftime(valid_from, '%Y-%m-%d'), value, source, run_id FROM read_parquet('{file}')";
        var mart = new Dictionary<string, (double Value, string Source)>(StringComparer.Ordinal);
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                Assert.Equal(run.LocalSummary.RunId, reader.GetString(4));
                mart[$"{reader.GetString(0)}|{reader.GetString(1)}"] = (reader.GetDouble(2), reader.GetString(3));
            }
        }

        // sample-inputs/ overrides one series from 2026, so the effective store is the default plus the new values.
        Assert.All(Engine.Parameters.ParameterStore.Default.Series, s => Assert.Contains(mart.Keys, k => k.StartsWith(s.Id + "|", StringComparison.Ordinal)));
        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(run.Local.Path, "extracts", "851", MartPaths.ExtractXlsxFile));
        var rows = workbook.Worksheet("Enhedspriser").RowsUsed().Skip(1).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var key = $"{row.Cell(1).GetString()}|{row.Cell(2).GetString()}";
            Assert.True(mart.TryGetValue(key, out var price), $"{key} is on the XLSX sheet but not in dim_parameter");
            Assert.Equal(price.Value, row.Cell(3).GetDouble(), 9);
            Assert.Equal(price.Source, row.Cell(4).GetString());
        }
    }

    [Fact]
    public void The_main_job_publishes_Aalborgs_intake_plan_as_a_plan_scenario_in_the_mart_the_results_and_both_extracts()
    {
        const string id = "municipal-851-synthetic-tilgangsplan";
        // sample-inputs/assumptions/851/synthetic-tilgangsplan.json: 30 + 15 in 2027, 25 in 2028, 20 in 2029.
        (int Year, string FirstMonth, int Cohorts, double Persons)[] expected =
            [(1, "2027-01-01", 2, 45), (2, "2028-01-01", 1, 25), (3, "2029-01-01", 1, 20)];
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        string Table(MartTable t) => Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(t.Name));

        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = $"SELECT scenario_id, kind, is_plan FROM read_parquet('{Table(MartSchema.DimScenario)}') ORDER BY scenario_id";
            using var reader = cmd.ExecuteReader();
            var scenarios = new List<(string, string, int)>();
            while (reader.Read())
            {
                scenarios.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            Assert.Equal([id], scenarios.Where(s => s.Item3 == 1).Select(s => s.Item1));
            Assert.Contains((id, ScenarioDefinition.Municipal, 1), scenarios);
            Assert.Contains((ScenarioDefinition.Standard, ScenarioDefinition.Standard, 0), scenarios);
        }

        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT i.year, CAST(i.first_month AS VARCHAR), i.cohorts, i.persons, r.participants
                FROM read_parquet('{Table(MartSchema.DimScenarioIntake)}') i
                JOIN read_parquet('{Table(MartSchema.FactCaseResult)}') r USING (scenario_id, municipality_code, case_id)
                WHERE i.scenario_id = '{id}' AND i.municipality_code = '851' AND i.case_id = 'NY-JOB-30' ORDER BY i.year
                """;
            using var reader = cmd.ExecuteReader();
            var rows = new List<(int, string, int, double)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3)));
                Assert.Equal(90, reader.GetDouble(4)); // fact_case_result.participants = the plan's persons
            }

            Assert.Equal(expected, rows);
        }

        using (var cmd = db.CreateCommand())
        {
            // Every standard case starts one cohort on the run's start date, with the participants the engine used.
            cmd.CommandText = $"""
                SELECT count(*), min(i.year), max(i.year), max(abs(i.persons - r.participants))
                FROM read_parquet('{Table(MartSchema.DimScenarioIntake)}') i
                JOIN read_parquet('{Table(MartSchema.FactCaseResult)}') r USING (scenario_id, municipality_code, case_id)
                WHERE i.scenario_id = 'standard'
                """;
            using var reader = cmd.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((long)run.LocalSummary.StandardCasesComputed, reader.GetInt64(0));
            Assert.Equal((1, 1, 0.0), (reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3)));
        }

        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.ResultsFile("851"))));
        var plan = results.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("scenarioId").GetString() == id);
        Assert.Equal(["2027-01-01", "2027-07-01", "2028-01-01", "2029-01-01"],
            plan.GetProperty("result").GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("startDate").GetString()));

        // Both extracts show the plan cohort by cohort with its scenario year (the one plan presentation, ExtractRows.Plan);
        // summed per year they are dim_scenario_intake.
        (string Start, double Persons, int Year, string FirstMonth)[] cohorts =
            [("2027-01-01", 30, 1, "2027-01-01"), ("2027-07-01", 15, 1, "2027-01-01"), ("2028-01-01", 25, 2, "2028-01-01"), ("2029-01-01", 20, 3, "2029-01-01")];
        Assert.Equal(expected, cohorts.GroupBy(c => (c.Year, c.FirstMonth)).Select(g => (g.Key.Year, g.Key.FirstMonth, g.Count(), g.Sum(c => c.Persons))));
        var csv = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(run.Local.Path, "extracts", "851", MartPaths.ExtractCsvFile)));
        using var section = Sep.Reader(o => o with { Sep = Sep.New(';') }).FromText(csv.Split("\n\n")[1]);
        var fromCsv = section.Enumerate(r => (r["Scenarie-id"].ToString(), r["Start"].ToString(), double.Parse(r["Deltagere (fuldtid)"].ToString().Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), r["År"].Parse<int>(), r["Første måned"].ToString()))
            .Where(r => r.Item1 == id).Select(r => (r.Item2, r.Item3, r.Item4, r.Item5)).ToList();
        Assert.Equal(cohorts, fromCsv);

        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(run.Local.Path, "extracts", "851", MartPaths.ExtractXlsxFile));
        var sheet = workbook.Worksheet("Forudsætninger");
        var title = sheet.Column(1).CellsUsed().Single(c => c.GetString() == XlsxExtractWriter.PlanSectionTitle).Address.RowNumber;
        var planName = MunicipalityScenarioNames("851").Single(p => p.Value == id).Key;
        var fromXlsx = sheet.Rows(title + 2, sheet.LastRowUsed()!.RowNumber()).TakeWhile(r => !r.Cell(1).IsEmpty()).Where(r => r.Cell(1).GetString() == planName)
            .Select(r => (r.Cell(5).GetString(), r.Cell(6).GetDouble(), r.Cell(7).GetValue<int>(), r.Cell(8).GetString())).ToList();
        Assert.Equal(cohorts, fromXlsx);
    }

    [Fact]
    public void The_mart_has_the_population_of_every_municipality_as_befolkning_rows_of_the_latest_period()
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        var file = Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactTargetGroup.Name));
        cmd.CommandText = $"SELECT count(*), count(DISTINCT municipality_code), min(period), max(period), min(persons), count(full_time_persons) FROM read_parquet('{file}') WHERE target_group = 'befolkning'";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(98L, reader.GetInt64(0));
        Assert.Equal(98L, reader.GetInt64(1));
        Assert.Equal("2025M06", reader.GetString(2)); // sample-inputs/dst/FOLK1AM/2025M06-synthetic-bulk.csv
        Assert.Equal("2025M06", reader.GetString(3));
        Assert.True(reader.GetDouble(4) > 1000);
        Assert.Equal(0L, reader.GetInt64(5));
    }

    [Fact]
    public async Task Fact_uncertainty_has_a_row_per_standard_case_equal_to_the_API_and_holds_against_direct_evaluation_of_every_draw()
    {
        var rows = ReadUncertainty();
        Assert.Equal(run.LocalSummary.StandardCasesComputed, rows.Count);
        Assert.Equal(run.LocalSummary.StandardCasesComputed, run.LocalSummary.RowCounts[MartSchema.FactUncertainty.Name]);
        Assert.All(rows.Values, r =>
        {
            Assert.Equal(UncertaintyEvaluation.RunDraws, r.Draws);
            Assert.Equal(UncertaintyEvaluation.RunSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Seed);
            Assert.True(r.P10 <= r.P50 && r.P50 <= r.P90, $"{r.P10} {r.P50} {r.P90}");
            Assert.InRange(r.Probability, 0, 1);
        });

        // The API's answer for the same standard scenario, draws and seed is the row itself; direct evaluation (every
        // draw run by the engine at its own point, which the engine's tests hold equal to evaluating the multiplied
        // scenario) agrees within the issue's tolerance. Both with the prices and facts the run published.
        var published = await PublishedRun.ReadLatestAsync(run.LocalStorage, Ct);
        var context = Pipeline.Scenarios.EvaluationContextFactory.Create(published!.Parameters, SampleRunFixture.StartDate, published.Facts);
        foreach (var (key, row) in rows.Where(r => r.Key.StartsWith("851|", StringComparison.Ordinal) || r.Key.StartsWith("101|", StringComparison.Ordinal)))
        {
            var request = new Engine.Uncertainty.UncertaintyRequest
            {
                Scenario = new Engine.Scenarios.ScenarioRequest { MunicipalityCode = key[..3], CaseId = key[4..], StartDate = SampleRunFixture.StartDate },
                Draws = row.Draws,
                Seed = UncertaintyEvaluation.RunSeed,
            };
            var api = Engine.Uncertainty.UncertaintyAnalysis.Analyse(request, context).Result!.MonteCarlo;
            Assert.Equal((api.NetEffectTotal.P10, api.NetEffectTotal.P50, api.NetEffectTotal.P90, api.ProbabilityNetPositive), (row.P10, row.P50, row.P90, row.Probability));
            var direct = Engine.Uncertainty.UncertaintyAnalysis.AnalyseExact(request, context, Environment.ProcessorCount).Result!.MonteCarlo;
            var p50 = direct.NetEffectTotal.P50;
            Assert.True(Math.Abs(row.P50 - p50) <= 0.005m * Math.Max(Math.Abs(p50), 1m), $"{key}: P50 {row.P50} in the mart, {p50} by direct evaluation");
            Assert.InRange(Math.Abs(row.Probability - direct.ProbabilityNetPositive), 0, 0.01);
        }
    }

    private Dictionary<string, (decimal P10, decimal P50, decimal P90, double Probability, int Draws, string Seed)> ReadUncertainty()
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        var file = Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactUncertainty.Name));
        cmd.CommandText = $"SELECT municipality_code, case_id, net_effect_p10, net_effect_p50, net_effect_p90, probability_net_positive, draws, seed, scenario_id FROM read_parquet('{file}')";
        using var reader = cmd.ExecuteReader();
        var rows = new Dictionary<string, (decimal, decimal, decimal, double, int, string)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            Assert.Equal(ScenarioDefinition.Standard, reader.GetString(8));
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}", (reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDouble(5), reader.GetInt32(6), reader.GetString(7)));
        }

        return rows;
    }

    private Dictionary<string, (decimal, decimal, decimal)> ReadCashflow(string kode)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        var file = Path.Combine(run.Local.Path, "mart", MartPaths.Latest, MartPaths.TableFile(MartSchema.FactCashflow.Name));
        cmd.CommandText = $"SELECT scenario_id, case_id, year, line_code, baseline_amount, investment_amount, difference_amount FROM read_parquet('{file}') WHERE municipality_code = '{kode}'";
        using var reader = cmd.ExecuteReader();
        var rows = new Dictionary<string, (decimal, decimal, decimal)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[$"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetInt32(2)}|{reader.GetString(3)}"] = (reader.GetDecimal(4), reader.GetDecimal(5), reader.GetDecimal(6));
        }

        return rows;
    }

    private Dictionary<string, string> MunicipalityScenarioNames(string kode)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT name, scenario_id FROM read_parquet('{Path.Combine(run.Local.Path, "mart", MartPaths.Latest, "dim_scenario.parquet")}')";
        using var reader = cmd.ExecuteReader();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    private static decimal Round(double value) => decimal.Round((decimal)value, 2);

    private static void AssertSame(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
    }

    private sealed class Inline(Action<RecomputeProgress> report) : IProgress<RecomputeProgress>
    {
        public void Report(RecomputeProgress value) => report(value);
    }
}
