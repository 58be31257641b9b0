using System.Text.Json.Nodes;
using IntegrationCases.Infrastructure.Tests.Arm;

namespace IntegrationCases.Infrastructure.Tests.Bicep;

/// <summary>
/// Compiles infra-bicep/main.bicep and every environment's .bicepparam once with the real Bicep CLI, for all
/// tests of the collection. The SQL administrator and the sign-in app registration come from the operator's
/// environment; here fixed test values.
/// </summary>
public sealed class CompiledInfrastructure : IDisposable
{
    public const string SqlAdminLogin = "sg-integration-sql-admins";
    public const string SqlAdminObjectId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    public const string SignInClientId = "3d2e1f0a-9b8c-4d7e-a6f5-e4d3c2b1a098";

    private readonly string _output;

    public CompiledInfrastructure()
    {
        Cli = BicepCli.Locate();
        _output = Directory.CreateTempSubdirectory("infra-bicep-build-").FullName;

        var templatePath = Path.Combine(_output, "main.json");
        MainBuild = Cli.Run(["build", "main.bicep", "--outfile", templatePath]);
        if (MainBuild.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build main.bicep failed: {MainBuild.Describe()}");
        }

        Template = JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject();
        TemplateText = File.ReadAllText(templatePath);

        // One process per command (the CLI starts slowly): every parameter file, then every file linted.
        var parametersFolder = TempFolder("environments");
        ParameterBuild = Cli.Run(["build-params", "--pattern", "environments/*.bicepparam", "--outdir", parametersFolder], OperatorEnvironment());
        if (ParameterBuild.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build-params failed: {ParameterBuild.Describe()}");
        }

        foreach (var environment in Environments)
        {
            var parametersPath = Path.Combine(parametersFolder, $"{environment}.json");
            ParameterValues[environment] = JsonNode.Parse(File.ReadAllText(parametersPath))!["parameters"]!.AsObject()
                .ToDictionary(p => p.Key, p => p.Value?["value"]?.DeepClone());
        }

        Lint = Cli.Run(["lint", "--pattern", "**/*.bicep*"], OperatorEnvironment());
    }

    public static IReadOnlyList<string> Environments { get; } = ["dev", "prod"];

    public BicepCli Cli { get; }

    public BicepResult MainBuild { get; }

    /// <summary>build-params of every environments/*.bicepparam.</summary>
    public BicepResult ParameterBuild { get; }

    /// <summary>lint of every .bicep and .bicepparam file under infra-bicep/.</summary>
    public BicepResult Lint { get; }

    public JsonObject Template { get; }

    public string TemplateText { get; }

    public Dictionary<string, Dictionary<string, JsonNode?>> ParameterValues { get; } = [];

    public static Dictionary<string, string?> OperatorEnvironment(bool enableBlobEvents = false) => new()
    {
        ["INTEGRATION_SQL_ADMIN_LOGIN"] = SqlAdminLogin,
        ["INTEGRATION_SQL_ADMIN_OBJECT_ID"] = SqlAdminObjectId,
        ["INTEGRATION_SIGNIN_CLIENT_ID"] = SignInClientId,
        ["INTEGRATION_ENABLE_BLOB_EVENTS"] = enableBlobEvents ? "true" : null,
    };

    public BicepResult BuildParameters(string environment, string outputPath, IReadOnlyDictionary<string, string?> variables) =>
        Cli.Run(["build-params", Path.Combine("environments", $"{environment}.bicepparam"), "--outfile", outputPath], variables);

    /// <summary>The compiled template with an environment's parameter values, some of them overridden.</summary>
    public ArmDeployment Deployment(string environment, IReadOnlyDictionary<string, JsonNode?>? overrides = null)
    {
        var values = ParameterValues[environment].ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        foreach (var (name, value) in overrides ?? new Dictionary<string, JsonNode?>())
        {
            values[name] = value;
        }

        return new ArmDeployment(Template, values);
    }

    public string TempFolder(string name)
    {
        var folder = Path.Combine(_output, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_output, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does no harm.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "compiled infrastructure";
}
