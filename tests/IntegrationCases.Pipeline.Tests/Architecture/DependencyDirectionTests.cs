using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using IntegrationCases.Pipeline.Storage;
using IntegrationCases.Pipeline.Tests.Ingestion;

namespace IntegrationCases.Pipeline.Tests.Architecture;

/// <summary>
/// Dependencies run one way (docs/architecture.md): Engine ← Pipeline ← Functions / Cli between the projects, and
/// from the top of the Pipeline's folders to the bottom. Read from the real project files and from the type
/// references in the built Pipeline assembly; the fixture tests show that a backwards reference is caught.
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string PipelineNamespace = "IntegrationCases.Pipeline";
    private const string FixtureNamespace = "IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture";

    /// <summary>The projects under src/, bottom first; the two hosts share a layer, so neither may use the other.</summary>
    private static readonly Layering Projects = new(
        ["IntegrationCases.Engine"],
        ["IntegrationCases.Pipeline"],
        ["IntegrationCases.Functions", "IntegrationCases.Cli"]);

    /// <summary>The Pipeline's folders (one namespace each), bottom first; docs/architecture.md says why.</summary>
    private static readonly Layering PipelineFolders = new(
        ["Municipalities", "Resilience"],
        ["Storage", "Scenarios"],
        ["Ingestion"],
        ["Mart"],
        ["Extracts", "Sql"],
        ["Recompute"],
        ["Http"],
        ["Hosting", "Web"]);

    [Fact]
    public void No_project_under_src_references_one_of_its_own_layer_or_above()
    {
        var references = ProjectReferences.Between(Path.Combine(Ingest.RepositoryRoot(), "src"));

        Assert.Empty(Projects.Violations(references));
        Assert.Contains(("IntegrationCases.Pipeline", "IntegrationCases.Engine"), references.Keys); // the reader sees the real files
    }

    [Fact]
    public void The_engine_references_no_project_and_no_package()
    {
        var src = Path.Combine(Ingest.RepositoryRoot(), "src");
        Assert.DoesNotContain(ProjectReferences.Between(src).Keys, r => r.From == "IntegrationCases.Engine");
        Assert.Empty(ProjectReferences.Packages(src)["IntegrationCases.Engine"]);
    }

    [Fact]
    public void The_built_engine_and_pipeline_reference_no_assembly_above_them()
    {
        var engine = AssemblyReferences(typeof(Engine.Parameters.ParameterStore).Assembly.Location);
        var pipeline = AssemblyReferences(typeof(PipelineStorage).Assembly.Location);

        Assert.DoesNotContain(engine, a => a.StartsWith("IntegrationCases.", StringComparison.Ordinal) || a == "integration-cases");
        Assert.Contains("IntegrationCases.Engine", pipeline);
        Assert.DoesNotContain(pipeline, a => a is "IntegrationCases.Functions" or "integration-cases");
    }

    [Fact]
    public void No_pipeline_folder_uses_a_folder_of_its_own_layer_or_above()
    {
        var dependencies = FolderDependencies(typeof(PipelineStorage).Assembly.Location, PipelineNamespace);

        Assert.Empty(PipelineFolders.Violations(dependencies));
        Assert.Contains(("Recompute", "Storage"), dependencies.Keys); // the reader sees the real references
    }

    [Fact]
    public void The_checker_finds_a_backwards_reference_in_a_method_body_and_in_a_signature()
    {
        var dependencies = FolderDependencies(typeof(DependencyDirectionTests).Assembly.Location, FixtureNamespace);

        var violations = new Layering(["Bottom"], ["Middle"], ["Top"]).Violations(dependencies);

        Assert.Collection(
            violations,
            v => Assert.StartsWith("Bottom -> Top runs backwards", v, StringComparison.Ordinal),
            v => Assert.StartsWith("Middle -> Top runs backwards", v, StringComparison.Ordinal));
        Assert.Empty(new Layering(["Top"], ["Middle"], ["Bottom"]).Violations(dependencies));
        Assert.Equal(["Middle -> Top runs sideways (layer 0 uses layer 0), e.g. IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture.Middle.OnlyInABody -> IntegrationCases.Pipeline.Tests.Architecture.LayeringFixture.Top.High"],
            new Layering(["Top", "Middle"], ["Bottom"]).Violations(dependencies));
    }

    [Fact]
    public void The_checker_finds_a_backwards_project_reference_and_a_project_without_a_layer()
    {
        var folder = Directory.CreateTempSubdirectory("layering-").FullName;
        try
        {
            WriteProject(folder, "IntegrationCases.Engine", "IntegrationCases.Pipeline");
            WriteProject(folder, "IntegrationCases.Pipeline", "IntegrationCases.Engine");
            WriteProject(folder, "IntegrationCases.Cli", "IntegrationCases.Functions");
            WriteProject(folder, "IntegrationCases.Functions", "IntegrationCases.Pipeline");
            WriteProject(folder, "IntegrationCases.Web", "IntegrationCases.Pipeline");

            Assert.Equal(
                [
                    "IntegrationCases.Cli -> IntegrationCases.Functions runs sideways (layer 2 uses layer 2), e.g. IntegrationCases.Cli/IntegrationCases.Cli.csproj",
                    "IntegrationCases.Engine -> IntegrationCases.Pipeline runs backwards (layer 0 uses layer 1), e.g. IntegrationCases.Engine/IntegrationCases.Engine.csproj",
                    "IntegrationCases.Web is in no layer: place it (docs/architecture.md)",
                ],
                Projects.Violations(ProjectReferences.Between(folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The folder-to-folder dependencies of the namespaces below <paramref name="root"/> (first segment after it).</summary>
    private static Dictionary<(string From, string To), string> FolderDependencies(string assemblyPath, string root)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var ((from, to), example) in TypeReferences.BetweenNamespaces(assemblyPath))
        {
            if (Folder(from, root) is { } f && Folder(to, root) is { } t && f != t)
            {
                result.TryAdd((f, t), example);
            }
        }

        return result;
    }

    private static string? Folder(string ns, string root) =>
        ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    private static List<string> AssemblyReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        return [.. md.AssemblyReferences.Select(r => md.GetString(md.GetAssemblyReference(r).Name))];
    }

    private static void WriteProject(string folder, string name, string reference)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="../{reference}/{reference}.csproj" />
              </ItemGroup>
            </Project>
            """);
    }
}
