using IntegrationCases.Cli.Samples;
using IntegrationCases.Engine.Cases;
using IntegrationCases.Pipeline.Ingestion;
using IntegrationCases.Pipeline.Municipalities;

namespace IntegrationCases.Cli.Tests.Samples;

/// <summary>The sample generator of <c>generate-sample-inputs</c>: deterministic, committed, and accepted by the real ingestion.</summary>
public sealed class SampleInputsTests
{
    private static readonly IReadOnlyList<SampleInput> Generated = SampleInputsGenerator.Generate(2026);

    [Fact]
    public void The_generator_is_deterministic_and_every_file_says_synthetic()
    {
        var again = SampleInputsGenerator.Generate(2026);
        Assert.Equal(Generated.Select(g => (g.Path, g.Content)), again.Select(g => (g.Path, g.Content)));
        Assert.All(Generated, g => Assert.Contains("synthetic", g.Path, StringComparison.Ordinal));
        Assert.NotEqual(Generated[0].Content, SampleInputsGenerator.Generate(7)[0].Content);
    }

    [Fact]
    public void The_committed_sample_inputs_are_exactly_what_the_generator_writes_with_seed_2026()
    {
        var root = Path.Combine(RepositoryPaths.Root(), "sample-inputs");
        var committed = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Generated.Select(g => g.Path).Order(StringComparer.Ordinal), committed);
        Assert.All(Generated, g => Assert.True(g.Content.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, g.Path))), $"{g.Path} differs: run generate-sample-inputs --out sample-inputs --seed 2026"));
        Assert.True(Generated.Sum(g => g.Content.Length) < 4 * 1024 * 1024);
    }

    [Fact]
    public async Task Every_sample_file_is_accepted_and_gives_every_municipality_every_case_and_a_tax_rate()
    {
        var curated = new List<CuratedData>();
        foreach (var input in Generated)
        {
            using var stream = new MemoryStream(input.Content, writable: false);
            var outcome = await Ingestor.IngestAsync(input.Path, stream, null, CancellationToken.None);
            Assert.True(outcome.Accepted, $"{input.Path}: {string.Join(Environment.NewLine, outcome.Errors.Select(IngestionReport.Line))}");
            curated.Add(outcome.Curated!);
        }

        var build = MunicipalityFactsBuilder.Build(curated, CaseCatalogue.Standard, MunicipalityRegister.Default);

        Assert.Empty(build.Notes);
        Assert.All(build.Facts.Values, f =>
        {
            Assert.Equal(CaseCatalogue.Standard.Cases.Count, f.TargetGroupPersonsByCase.Count);
            Assert.All(f.TargetGroupPersonsByCase.Values, v => Assert.True(v > 0, $"{f.Code}: {v}"));
            Assert.InRange(f.KommuneskatRateByYear[2026], 0.2, 0.3);
        });
        Assert.Contains(build.TargetGroupRows, r => r.MunicipalityCode == "851" && r.Source.StartsWith("Kommunens eget udtræk", StringComparison.Ordinal));
        var plan = Assert.Single(curated.SelectMany(c => c.Assumptions), a => a.Scenario.Cohorts is not null);
        Assert.Equal(("851", "synthetic-tilgangsplan", 4, 90.0), (plan.MunicipalityCode, plan.Name, plan.Scenario.Cohorts!.Count, plan.Scenario.Cohorts.Sum(c => c.Participants)));
    }
}
