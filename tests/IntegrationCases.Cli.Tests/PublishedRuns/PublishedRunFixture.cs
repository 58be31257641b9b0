using IntegrationCases.Cli.Commands;

namespace IntegrationCases.Cli.Tests.PublishedRuns;

/// <summary>
/// One real <c>recompute</c> of the committed sample-inputs/ (cases from 2026-01-01) into a temporary output
/// folder; tests that change the output work on a copy of their own.
/// </summary>
public sealed class PublishedRunFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("published-run-").FullName;

    public string Output => Path.Combine(_root, "out");

    public async Task InitializeAsync()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await RecomputeCommand.RunAsync(
            new DirectoryInfo(Path.Combine(RepositoryPaths.Root(), "sample-inputs")), new DirectoryInfo(Output), null, "2026-01-01", false,
            TimeProvider.System, stdout, stderr, CancellationToken.None);
        if (exit != 0)
        {
            throw new InvalidOperationException($"recompute exited {exit}: {stdout}{stderr}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the whole output folder (inputs/, curated/, mart/, extracts/) that a test may change.</summary>
    public string CopyOfOutput()
    {
        var copy = Directory.CreateTempSubdirectory("published-run-copy-").FullName;
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
