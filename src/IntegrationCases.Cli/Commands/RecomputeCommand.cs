using System.CommandLine;
using System.Globalization;
using IntegrationCases.Engine.Evaluation;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Recompute;
using IntegrationCases.Pipeline.Resilience;
using IntegrationCases.Pipeline.Sql;
using IntegrationCases.Pipeline.Storage;
using Spectre.Console;

namespace IntegrationCases.Cli.Commands;

/// <summary>
/// <c>recompute --inputs &lt;folder&gt; --out &lt;folder&gt; [--sql &lt;connection string&gt;] [--start-date yyyy-MM-dd] [--force]</c>:
/// the local main job. Mirrors the inputs folder into <c>&lt;out&gt;/inputs/</c>, ingests every file, recomputes
/// and publishes <c>&lt;out&gt;/mart/</c> and <c>&lt;out&gt;/extracts/</c> (and SQL when asked), with a progress bar on
/// a terminal and a short Danish summary. Exit 0 when published or unchanged (rejected files are reported,
/// not fatal), 1 when the run failed (the previous mart stays), 2 on a usage error.
/// </summary>
internal static class RecomputeCommand
{
    public static Command Create(TimeProvider clock)
    {
        var inputs = new Option<DirectoryInfo>("--inputs") { Description = "Mappen med input (dst/, jobindsats/, target-groups/, unit-prices/, assumptions/), fx sample-inputs.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Uddatamappen: den lokale lagerrod med inputs/, curated/, rejected/, mart/ og extracts/.", Required = true };
        var sql = new Option<string?>("--sql") { Description = "Forbindelsesstreng til Azure SQL / SQL Server: indlæs også datamarten i skema mart." };
        var startDate = new Option<string?>("--start-date") { Description = "Forløbenes første måned (yyyy-MM-dd, den 1.). Standard: 1. januar næste år." };
        var force = new Option<bool>("--force") { Description = "Genberegn, selv om input er uændret siden sidste kørsel." };
        var command = new Command("recompute", "Indlæs alle input, genberegn alle business cases for alle kommuner, og udgiv datamart og udtræk.");
        foreach (var option in new Option[] { inputs, output, sql, startDate, force })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, ct) => RunAsync(
            parseResult.GetValue(inputs)!, parseResult.GetValue(output)!, parseResult.GetValue(sql), parseResult.GetValue(startDate),
            parseResult.GetValue(force), clock, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(
        DirectoryInfo inputs, DirectoryInfo output, string? sql, string? startDate, bool force, TimeProvider clock, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!inputs.Exists)
        {
            await stderr.WriteLineAsync($"Inputmappen findes ikke: {inputs.FullName}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        DateOnly? start = null;
        if (startDate is not null)
        {
            if (!DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Day != 1)
            {
                await stderr.WriteLineAsync($"--start-date '{startDate}' skal være den første dag i en måned, skrevet yyyy-MM-dd.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            start = parsed;
        }

        var storage = new LocalFolderStorage(new StorageOptions { LocalRoot = output.FullName }, PipelineResilience.Storage(new ResilienceOptions()));
        var loader = string.IsNullOrWhiteSpace(sql) ? null : new MartSqlLoader(sql, PipelineResilience.Sql(new ResilienceOptions()));
        var run = new RecomputeRun(storage, clock, sql: loader);
        var options = new RecomputeRunOptions { StartDate = start, Force = force };
        RecomputeSummary summary;
        try
        {
            var mirrored = await MirrorInputsAsync(inputs, storage, ct).ConfigureAwait(false);
            summary = Interactive(stdout)
                ? await RunWithProgressBarAsync(run, options, ct).ConfigureAwait(false)
                : await run.RunAsync(options, StageLines(stdout), ct).ConfigureAwait(false);
            await stdout.WriteAsync(Describe(summary, mirrored, output.FullName)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Genberegningen blev afbrudt; den forrige datamart er urørt.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"Genberegningen mislykkedes; den forrige datamart er urørt. Årsag: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>Makes &lt;out&gt;/inputs/ the same as the inputs folder (new and changed files copied, vanished ones removed).</summary>
    internal static async Task<int> MirrorInputsAsync(DirectoryInfo inputs, PipelineStorage storage, CancellationToken ct)
    {
        var root = inputs.FullName;
        var target = storage is LocalFolderStorage local ? Path.GetFullPath(Path.GetDirectoryName(local.FullPath(StorageArea.Inputs, "x"))!) : null;
        if (target is not null && string.Equals(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar), target.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return 0;
        }

        var wanted = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), f => f, StringComparer.Ordinal);
        var copied = 0;
        foreach (var (path, file) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var content = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
            var existing = await storage.TryReadAsync(StorageArea.Inputs, path, ct).ConfigureAwait(false);
            if (existing is null || !existing.AsSpan().SequenceEqual(content))
            {
                await storage.WriteAsync(StorageArea.Inputs, path, content, ct).ConfigureAwait(false);
                copied++;
            }
        }

        foreach (var stale in (await storage.ListAsync(StorageArea.Inputs, null, ct).ConfigureAwait(false)).Where(i => !wanted.ContainsKey(i.Path)))
        {
            await storage.DeleteAsync(StorageArea.Inputs, stale.Path, ct).ConfigureAwait(false);
        }

        return copied;
    }

    /// <summary>Without a terminal: one line per stage when it starts and when it is done, with the time taken.</summary>
    private static SynchronousProgress StageLines(TextWriter stdout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? current = null;
        var started = TimeSpan.Zero;
        var finished = new HashSet<string>(StringComparer.Ordinal);
        return new SynchronousProgress(p =>
        {
            lock (finished)
            {
                if (p.Stage != current)
                {
                    current = p.Stage;
                    started = clock.Elapsed;
                    stdout.WriteLine($"{p.Stage} …");
                }

                if (p.Done >= p.Total && finished.Add(p.Stage))
                {
                    stdout.WriteLine($"{p.Stage}: færdig ({p.Total}) på {Danish.Grouped((clock.Elapsed - started).TotalSeconds, 1)} s");
                }
            }
        });
    }

    private static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static Task<RecomputeSummary> RunWithProgressBarAsync(RecomputeRun run, RecomputeRunOptions options, CancellationToken ct) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            task = tasks[p.Stage] = context.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                        }

                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = Math.Max(task.Value, p.Done);
                    }
                });
                var summary = await run.RunAsync(options, progress, ct).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return summary;
            });

    internal static string Describe(RecomputeSummary s, int mirrored, string outputRoot)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(s.Status == RecomputeStatus.Published
            ? $"Genberegning færdig: kørsel {s.RunId} er udgivet."
            : $"Ingen ændringer: input, parametre og beregningsversion er som i kørsel {s.RunId}; datamarten er uændret.");
        text.AppendLine($"Inputfiler: {s.InputsAccepted} godkendt, {s.Rejected.Count} afvist ({mirrored} nye eller ændrede kopieret til inputs/).");
        foreach (var r in s.Rejected)
        {
            text.AppendLine($"  Afvist: {r.Path} ({r.ErrorCount} fejl; se rejected/{r.Path}.errors.json)");
            foreach (var e in r.FirstErrors)
            {
                text.AppendLine($"    - {e}");
            }
        }

        if (s.Status == RecomputeStatus.Published)
        {
            var standard = s.StandardCasesComputed;
            text.AppendLine($"Business cases beregnet: {s.CasesComputed} ({s.MunicipalScenarios} kommunale scenarier); ikke beregnet: {s.CasesSkipped.Count}.");
            foreach (var group in s.CasesSkipped.GroupBy(c => c.CaseId).Take(5))
            {
                text.AppendLine($"  {group.Key}: ikke beregnet for {group.Count()} kommune(r), fx {group.First().MunicipalityCode}: {Cut(group.First().Reason, 160)}");
            }

            text.AppendLine($"Landstal for standardcases ({standard} cases): {Danish.Grouped(s.Totals.Participants, 1)} deltagere (fuldtid), " +
                $"investering {Danish.Kroner(s.Totals.InvestmentTotal)} kr., nettoeffekt {Danish.Kroner(s.Totals.NetEffectTotal)} kr.");
            text.AppendLine($"Datamart: {Path.Combine(outputRoot, "mart", MartPaths.Latest)} ({Danish.Grouped(s.RowCounts.GetValueOrDefault(MartSchema.FactCashflow.Name), 0)} rækker i fact_cashflow); " +
                $"udtræk: {Path.Combine(outputRoot, "extracts")}/<kommunekode>/business-cases.xlsx og .csv");
            text.AppendLine(s.SqlLoaded ? "SQL: indlæst i skema mart." : "SQL: ikke valgt (brug --sql for at indlæse i Azure SQL).");
        }

        text.AppendLine($"Tid: {Danish.Grouped(s.Duration.TotalSeconds, 1)} s.");
        return text.ToString();
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max] + "…";

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and lag behind the bar).</summary>
    private sealed class SynchronousProgress(Action<RecomputeProgress> report) : IProgress<RecomputeProgress>
    {
        public void Report(RecomputeProgress value) => report(value);
    }
}
