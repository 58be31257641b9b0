using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationCases.Infrastructure.Tests.Bicep;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>Least privilege: only data-plane roles, scoped to the resource that needs them, each GUID named.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfrastructure infrastructure)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void Every_role_assignment_grants_a_data_plane_role_and_never_Owner_or_Contributor()
    {
        var allowed = new[] { StorageBlobDataOwner, StorageBlobDataContributor, StorageQueueDataContributor, MonitoringMetricsPublisher };
        var assignments = infrastructure.Deployment("dev").OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var role = assignment.Properties!["roleDefinitionId"]!.GetValue<string>().Split('/')[^1];
            Assert.Contains(role, allowed);
            Assert.NotNull(assignment.Definition["scope"]);
        }
    }

    [Fact]
    public void The_apps_identity_gets_exactly_the_roles_it_needs_on_each_account()
    {
        var deployment = infrastructure.Deployment("dev");

        Assert.Equal([StorageBlobDataOwner, StorageQueueDataContributor], Roles("roles-host-storage", "accountRoleIds"));
        Assert.Equal([StorageBlobDataContributor, StorageQueueDataContributor], Roles("roles-data-storage", "accountRoleIds"));
        var containerGrants = deployment.ModuleParameter("roles-data-storage", "containerRoles")!.AsArray();
        Assert.Equal("inputs", Assert.Single(containerGrants)!["containerName"]!.GetValue<string>());
        Assert.Equal(StorageBlobDataOwner, containerGrants[0]!["roleId"]!.GetValue<string>());

        // The app starts only after its identity may reach its storage.
        var dependsOn = deployment.Module("function-app").Definition["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.Contains(dependsOn, d => d.Contains("'roles-host-storage'", StringComparison.Ordinal));
        Assert.Contains(dependsOn, d => d.Contains("'roles-data-storage'", StringComparison.Ordinal));

        List<string> Roles(string module, string parameter) =>
            deployment.ModuleParameter(module, parameter)!.AsArray().Select(r => r!.GetValue<string>()).ToList();
    }

    [Fact]
    public void Event_Grid_may_write_only_to_its_dead_letter_container()
    {
        var deployment = infrastructure.Deployment("dev");

        Assert.Empty(deployment.ModuleParameter("roles-eventgrid-deadletter", "accountRoleIds")?.AsArray() ?? []);
        var grant = Assert.Single(deployment.ModuleParameter("roles-eventgrid-deadletter", "containerRoles")!.AsArray())!;
        Assert.Equal("eventgrid-deadletter", grant["containerName"]!.GetValue<string>());
        Assert.Equal(StorageBlobDataContributor, grant["roleId"]!.GetValue<string>());
    }

    [Fact]
    public void An_uploader_group_may_write_to_the_inputs_container_and_nowhere_else()
    {
        const string group = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        var deployment = infrastructure.Deployment("dev", new Dictionary<string, JsonNode?> { ["inputUploaderGroupObjectIds"] = new JsonArray(group) });

        var assignment = Assert.Single(deployment.InModule("roles-uploader-0"), r => r.Type == "Microsoft.Authorization/roleAssignments");
        var properties = assignment.Properties!;
        Assert.Equal(group, properties["principalId"]!.GetValue<string>());
        Assert.Equal("Group", properties["principalType"]!.GetValue<string>());
        Assert.EndsWith("/" + StorageBlobDataContributor, properties["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/blobServices/default/containers/inputs", assignment.Evaluate("scope")!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(infrastructure.Deployment("dev").Resources, r => r.DeploymentPath.Contains("roles-uploader", StringComparison.Ordinal));
    }

    [Fact]
    public void The_apps_Owner_role_on_the_data_account_is_confined_to_the_inputs_container()
    {
        var owners = infrastructure.Deployment("dev").InModule("roles-data-storage")
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments"
                        && r.Properties!["roleDefinitionId"]!.GetValue<string>().EndsWith(StorageBlobDataOwner, StringComparison.Ordinal))
            .ToList();

        Assert.EndsWith("/blobServices/default/containers/inputs", Assert.Single(owners).Evaluate("scope")!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_assignment_names_are_stable_across_deployments()
    {
        var first = infrastructure.Deployment("dev").OfType("Microsoft.Authorization/roleAssignments").Select(a => a.NameText).ToList();
        var second = infrastructure.Deployment("dev").OfType("Microsoft.Authorization/roleAssignments").Select(a => a.NameText).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, name => Assert.True(Guid.TryParse(name, out _), name));
    }

    [Fact]
    public void Every_role_GUID_in_the_Bicep_sources_is_named_in_a_comment()
    {
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraFolder, "*.bicep", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (QuotedGuid().IsMatch(lines[i]))
                {
                    var named = lines[i].Contains("//", StringComparison.Ordinal) || (i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal));
                    Assert.True(named, $"{Path.GetFileName(file)} line {i + 1}: name the role of this GUID in a comment.");
                }
            }
        }
    }

    [GeneratedRegex("'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'")]
    private static partial Regex QuotedGuid();
}
