using System.Text.Json.Nodes;
using IntegrationCases.Infrastructure.Tests.Bicep;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>What the compiled template promises for Azure SQL.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SqlTemplateTests(CompiledInfrastructure infrastructure)
{
    public static TheoryData<string> Environments() => new(CompiledInfrastructure.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void SQL_accepts_Entra_authentication_only_with_the_operators_group_as_administrator(string environment)
    {
        var server = infrastructure.Deployment(environment).OfType("Microsoft.Sql/servers").Single().Properties!;
        var administrators = server["administrators"]!;

        Assert.True(administrators["azureADOnlyAuthentication"]!.GetValue<bool>());
        Assert.Equal("ActiveDirectory", administrators["administratorType"]!.GetValue<string>());
        Assert.Equal(CompiledInfrastructure.SqlAdminObjectId, administrators["sid"]!.GetValue<string>());
        Assert.Equal(CompiledInfrastructure.SqlAdminLogin, administrators["login"]!.GetValue<string>());
        Assert.Equal("Group", administrators["principalType"]!.GetValue<string>());
        Assert.Null(server["administratorLogin"]);
        Assert.Null(server["administratorLoginPassword"]);
        Assert.Equal("1.2", server["minimalTlsVersion"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void SQL_has_no_public_network_access_by_default(string environment)
    {
        var deployment = infrastructure.Deployment(environment);

        Assert.Equal("Disabled", deployment.OfType("Microsoft.Sql/servers").Single().Properties!["publicNetworkAccess"]!.GetValue<string>());
        Assert.Empty(deployment.OfType("Microsoft.Sql/servers/firewallRules"));
    }

    [Fact]
    public void Firewall_rules_given_as_a_parameter_open_public_access_to_exactly_those_addresses()
    {
        var rules = new JsonArray(new JsonObject { ["name"] = "operator", ["startIpAddress"] = "203.0.113.7", ["endIpAddress"] = "203.0.113.7" });
        var deployment = infrastructure.Deployment("dev", new Dictionary<string, JsonNode?> { ["sqlFirewallRules"] = rules });
        var firewall = deployment.OfType("Microsoft.Sql/servers/firewallRules").Single();

        Assert.Equal("Enabled", deployment.OfType("Microsoft.Sql/servers").Single().Properties!["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("operator", firewall.ShortName);
        Assert.Equal("203.0.113.7", firewall.Properties!["startIpAddress"]!.GetValue<string>());
        Assert.Equal("203.0.113.7", firewall.Properties!["endIpAddress"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_mart_database_is_serverless_and_pauses_when_idle(string environment)
    {
        var database = infrastructure.Deployment(environment).OfType("Microsoft.Sql/servers/databases").Single();
        var sku = database.Evaluate("sku")!;
        var properties = database.Properties!;

        Assert.Equal("GP_S_Gen5", sku["name"]!.GetValue<string>());
        Assert.Equal("GeneralPurpose", sku["tier"]!.GetValue<string>());
        Assert.True(properties["autoPauseDelay"]!.GetValue<long>() >= 60);
        Assert.Equal(0.5m, properties["minCapacity"]!.GetValue<decimal>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_app_reaches_SQL_on_a_private_endpoint_resolved_in_its_virtual_network(string environment)
    {
        var deployment = infrastructure.Deployment(environment);
        var endpoint = deployment.OfType("Microsoft.Network/privateEndpoints").Single().Properties!;
        var zone = deployment.OfType("Microsoft.Network/privateDnsZones").Single();
        var subnets = deployment.OfType("Microsoft.Network/virtualNetworks").Single().Properties!["subnets"]!.AsArray();
        var functionSubnet = subnets.Single(s => s!["name"]!.GetValue<string>() == "snet-functions")!;

        Assert.Equal(["sqlServer"], endpoint["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("privatelink.database.windows.net", zone.NameText);
        Assert.Equal("Microsoft.App/environments", functionSubnet["properties"]!["delegations"]![0]!["properties"]!["serviceName"]!.GetValue<string>());
        Assert.NotNull(deployment.OfType("Microsoft.Web/sites").Single().Definition["properties"]!["virtualNetworkSubnetId"]);
    }

    [Fact]
    public void The_app_connects_as_its_identity_to_the_mart_database()
    {
        var raw = infrastructure.Template["resources"]!.AsArray()
            .Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!["appSettings"]!["value"]!["Sql__ConnectionString"]!
            .GetValue<string>();

        Assert.StartsWith("[format('Server=tcp:{0},1433;Database={1};Authentication=Active Directory Managed Identity;User Id={2};Encrypt=True;", raw, StringComparison.Ordinal);
        Assert.Contains("outputs.serverFqdn.value", raw, StringComparison.Ordinal);
        Assert.Contains("outputs.databaseName.value", raw, StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_post_deployment_script_creates_the_identity_as_a_database_user_with_the_roles_the_mart_needs()
    {
        var script = infrastructure.Template["outputs"]!["sqlPostDeploymentScript"]!["value"]!.GetValue<string>();

        Assert.Contains("CREATE USER [{0}] FROM EXTERNAL PROVIDER;", script, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_datareader ADD MEMBER", script, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_datawriter ADD MEMBER", script, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE db_ddladmin ADD MEMBER", script, StringComparison.Ordinal);
        Assert.DoesNotContain("db_owner", script, StringComparison.Ordinal);
        Assert.Contains("variables('names').identity", script, StringComparison.Ordinal);
    }
}
