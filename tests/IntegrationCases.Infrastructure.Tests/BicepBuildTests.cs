using System.Text.Json.Nodes;
using IntegrationCases.Infrastructure.Tests.Bicep;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>The real Bicep CLI builds and lints every file; any error or warning fails.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BicepBuildTests(CompiledInfrastructure infrastructure)
{
    public static TheoryData<string> BicepFiles() => new(FilesOf("*.bicep"));

    public static TheoryData<string> ParameterFiles() => new(FilesOf("*.bicepparam"));

    private static List<string> FilesOf(string pattern) =>
        Directory.EnumerateFiles(BicepCli.InfraFolder, pattern, SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(BicepCli.InfraFolder, file))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_template_was_compiled_by_the_pinned_Bicep_CLI_from_NuGet()
    {
        var generator = infrastructure.Template["metadata"]!["_generator"]!;

        Assert.Equal("bicep", generator["name"]!.GetValue<string>());
        Assert.StartsWith($"{infrastructure.Cli.Version}.", generator["version"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_template_builds_without_errors_or_warnings()
    {
        Assert.Equal(0, infrastructure.MainBuild.ExitCode);
        Assert.Empty(infrastructure.MainBuild.Diagnostics);
    }

    [Fact]
    public void The_lint_run_covered_the_Bicep_and_parameter_files_and_passed()
    {
        Assert.True(infrastructure.Lint.ExitCode == 0, infrastructure.Lint.Describe());
        Assert.Empty(infrastructure.Lint.Diagnostics);
        Assert.True(FilesOf("*.bicep").Count >= 2 && FilesOf("*.bicepparam").Count == 2);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_Bicep_file_lints_without_errors_or_warnings(string file)
    {
        var full = Path.Combine(BicepCli.InfraFolder, file);

        Assert.True(File.Exists(full));
        Assert.DoesNotContain(infrastructure.Lint.Diagnostics, d => d.StartsWith(full, StringComparison.Ordinal));
        Assert.DoesNotContain(infrastructure.MainBuild.Diagnostics, d => d.StartsWith(full, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Every_parameter_file_builds_and_lints_without_errors_or_warnings(string file)
    {
        var full = Path.Combine(BicepCli.InfraFolder, file);
        var environment = Path.GetFileNameWithoutExtension(file);

        Assert.True(infrastructure.ParameterBuild.ExitCode == 0, infrastructure.ParameterBuild.Describe());
        Assert.DoesNotContain(infrastructure.ParameterBuild.Diagnostics, d => d.StartsWith(full, StringComparison.Ordinal));
        Assert.DoesNotContain(infrastructure.Lint.Diagnostics, d => d.StartsWith(full, StringComparison.Ordinal));
        Assert.Equal(environment, infrastructure.ParameterValues[environment]["environmentName"]!.GetValue<string>());
    }

    [Fact]
    public void There_is_a_parameter_file_for_dev_and_for_prod()
    {
        var files = FilesOf("*.bicepparam");

        Assert.Contains(Path.Combine("environments", "dev.bicepparam"), files);
        Assert.Contains(Path.Combine("environments", "prod.bicepparam"), files);
    }

    [Fact]
    public void A_parameter_file_refuses_to_build_without_the_SQL_administrator_in_the_environment()
    {
        var output = Path.Combine(infrastructure.TempFolder("refused"), "dev.json");
        var result = infrastructure.BuildParameters("dev", output, new Dictionary<string, string?>());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("INTEGRATION_SQL_ADMIN_OBJECT_ID", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_two_is_switched_on_by_the_operator_environment()
    {
        var output = Path.Combine(infrastructure.TempFolder("step2"), "dev.json");
        var result = infrastructure.BuildParameters("dev", output, CompiledInfrastructure.OperatorEnvironment(enableBlobEvents: true));

        Assert.True(result.ExitCode == 0, result.Describe());
        var parameters = JsonNode.Parse(File.ReadAllText(output))!["parameters"]!;
        Assert.True(parameters["enableBlobEventSubscription"]!["value"]!.GetValue<bool>());
        Assert.False(infrastructure.ParameterValues["dev"]["enableBlobEventSubscription"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-parameter-default")]
    [InlineData("secure-params-in-nested-deploy")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("protect-commandtoexecute-secrets")]
    [InlineData("adminusername-should-not-be-literal")]
    [InlineData("use-recent-api-versions")]
    [InlineData("use-stable-resource-identifiers")]
    [InlineData("no-unused-params")]
    [InlineData("no-unused-vars")]
    [InlineData("no-hardcoded-location")]
    [InlineData("use-resource-symbol-reference")]
    [InlineData("what-if-short-circuiting")]
    public void The_linter_raises_security_and_best_practice_rules_to_error(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "bicepconfig.json")))!;

        Assert.True(config["analyzers"]!["core"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("error", config["analyzers"]!["core"]!["rules"]![rule]!["level"]!.GetValue<string>());
    }

    [Fact]
    public void The_linter_configuration_turns_a_broken_rule_into_a_failing_error()
    {
        // The real config beside a probe file that breaks two rules: the CLI must report errors and fail.
        var folder = infrastructure.TempFolder("probe");
        File.Copy(Path.Combine(BicepCli.InfraFolder, "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"), overwrite: true);
        var probe = Path.Combine(folder, "probe.bicep");
        File.WriteAllText(probe, "param unused string = 'x'\noutput portal string = 'https://management.azure.com/'\n");

        var result = infrastructure.Cli.Run(["lint", probe]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Contains("Error no-hardcoded-env-urls", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Contains("Error no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_parameter_and_output_of_every_template_has_a_description()
    {
        var missing = new List<string>();
        Visit(infrastructure.Template, "main");

        Assert.Empty(missing);

        void Visit(JsonObject template, string path)
        {
            foreach (var section in new[] { "parameters", "outputs" })
            {
                foreach (var (name, definition) in template[section]?.AsObject() ?? [])
                {
                    if (string.IsNullOrWhiteSpace(definition?["metadata"]?["description"]?.GetValue<string>()))
                    {
                        missing.Add($"{path} {section} {name}");
                    }
                }
            }

            foreach (var resource in template["resources"]!.AsArray().OfType<JsonObject>())
            {
                if (resource["properties"]?["template"] is JsonObject inner)
                {
                    Visit(inner, $"{path}/{resource["name"]}");
                }
            }
        }
    }

    [Fact]
    public void Only_the_environment_the_SQL_administrator_and_the_sign_in_app_registration_have_no_default()
    {
        var required = infrastructure.Template["parameters"]!.AsObject()
            .Where(p => p.Value!["defaultValue"] is null)
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["environmentName", "signInClientId", "sqlAdministratorLogin", "sqlAdministratorObjectId"], required);
    }

    [Fact]
    public void Registry_modules_are_not_used_so_the_build_runs_offline()
    {
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraFolder, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        }
    }
}
