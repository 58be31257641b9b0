using System.Text.Json.Nodes;
using IntegrationCases.Infrastructure.Tests.Arm;
using IntegrationCases.Infrastructure.Tests.Bicep;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>What the compiled template promises for the Functions app, its settings, telemetry and blob events.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledInfrastructure infrastructure)
{
    private static readonly StorageOptions AppDefaults = new();

    private static readonly string[] SecretMarkers =
    [
        "AccountKey=", "Password=", "Pwd=", "SharedAccessSignature", "SharedAccessKey", "sig=", "listKeys(",
        "listConnectionStrings(", "listSecrets(", "InstrumentationKey=", "ClientSecret", "client_secret",
    ];

    public static TheoryData<string> Environments() => new(CompiledInfrastructure.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_app_runs_on_Flex_Consumption_as_dotnet_10_isolated_over_HTTPS_only(string environment)
    {
        var deployment = infrastructure.Deployment(environment);
        var plan = deployment.OfType("Microsoft.Web/serverfarms").Single();
        var site = deployment.OfType("Microsoft.Web/sites").Single();
        var properties = site.Properties!;

        Assert.Equal("FC1", plan.Evaluate("sku")!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Evaluate("sku")!["tier"]!.GetValue<string>());
        Assert.Equal("functionapp,linux", site.Evaluate("kind")!.GetValue<string>());
        Assert.Equal("dotnet-isolated", properties["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", properties["functionAppConfig"]!["runtime"]!["version"]!.GetValue<string>());
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
        Assert.StartsWith($"func-intcase-{environment}-", site.NameText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_app_runs_as_a_managed_identity_and_fetches_its_package_with_it(string environment)
    {
        var site = infrastructure.Deployment(environment).OfType("Microsoft.Web/sites").Single();
        var storage = site.Properties!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("UserAssigned", site.Evaluate("identity")!["type"]!.GetValue<string>());
        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Null(storage["authentication"]!["storageAccountConnectionStringName"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Basic_publishing_credentials_are_switched_off(string environment)
    {
        var policies = infrastructure.Deployment(environment).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => p.ShortName).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.Properties!["allow"]!.GetValue<bool>()));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_app_settings_name_the_containers_and_queue_of_the_code(string environment)
    {
        var settings = Settings(environment);

        Assert.Equal(AppDefaults.InputsContainer, Setting(settings, "Storage__InputsContainer"));
        Assert.Equal(AppDefaults.CuratedContainer, Setting(settings, "Storage__CuratedContainer"));
        Assert.Equal(AppDefaults.RejectedContainer, Setting(settings, "Storage__RejectedContainer"));
        Assert.Equal(AppDefaults.MartContainer, Setting(settings, "Storage__MartContainer"));
        Assert.Equal(AppDefaults.ExtractsContainer, Setting(settings, "Storage__ExtractsContainer"));
        Assert.Equal(AppDefaults.RecomputeQueue, Setting(settings, "Storage__RecomputeQueue"));
        Assert.Equal(AppDefaults.UncertaintyQueue, Setting(settings, "Storage__UncertaintyQueue"));
        Assert.Equal(StorageOptions.SectionName, "Storage");
    }

    [Fact]
    public void The_storage_settings_cover_every_container_and_queue_option_of_the_code()
    {
        // A new container or queue option in StorageOptions must get its app setting (and its container) here.
        var nameOptions = typeof(StorageOptions).GetProperties()
            .Where(p => p.Name.EndsWith("Container", StringComparison.Ordinal) || p.Name.EndsWith("Queue", StringComparison.Ordinal))
            .Select(p => $"{StorageOptions.SectionName}__{p.Name}")
            .ToList();
        var settings = Settings("dev");

        Assert.Equal(7, nameOptions.Count);
        Assert.All(nameOptions, name => Assert.True(settings.ContainsKey(name), $"App setting {name} is missing."));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_connection_is_identity_based(string environment)
    {
        var raw = RawSettings();
        var settings = Settings(environment);

        Assert.Equal("managedidentity", Setting(settings, "AzureWebJobsStorage__credential"));
        Assert.Equal("managedidentity", Setting(settings, "IntegrationStorage__credential"));
        var hostAccount = infrastructure.Deployment(environment).InModule("storage-host").Single(r => r.Type == "Microsoft.Storage/storageAccounts");
        Assert.Equal(hostAccount.NameText, Setting(settings, "AzureWebJobsStorage__accountName"));
        Assert.Contains("userAssignedIdentities", raw["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", raw["IntegrationStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", raw["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.Contains("'storage-data'", raw["IntegrationStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("'storage-data'", raw["IntegrationStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("'storage-data'", raw["Storage__BlobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("'storage-data'", raw["Storage__QueueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("Authentication=Active Directory Managed Identity", raw["Sql__ConnectionString"], StringComparison.Ordinal);
        Assert.Equal("ClientId={0};Authorization=AAD", FormatOf(raw["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));

        // No connection string where an identity-based connection belongs.
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("IntegrationStorage", settings.Keys);
        Assert.DoesNotContain("Storage__ConnectionString", settings.Keys);
    }

    [Fact]
    public void No_app_setting_holds_a_secret()
    {
        foreach (var (name, value) in RawSettings())
        {
            foreach (var marker in SecretMarkers)
            {
                Assert.False(value.Contains(marker, StringComparison.OrdinalIgnoreCase), $"App setting {name} contains '{marker}': {value}");
            }
        }

        // The App Insights connection string is referenced from the component (an endpoint, local auth off).
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'monitoring'), '2025-04-01').outputs.appInsightsConnectionString.value]",
            RawSettings()["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void No_setting_is_one_that_Flex_Consumption_rejects()
    {
        var settings = RawSettings();

        foreach (var name in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "APPINSIGHTS_INSTRUMENTATIONKEY" })
        {
            Assert.False(settings.ContainsKey(name), $"{name} must not be set on Flex Consumption.");
        }
    }

    [Fact]
    public void The_template_holds_no_password_and_reads_no_key_except_the_blob_webhook_key()
    {
        var text = infrastructure.TemplateText;

        Assert.DoesNotContain("administratorLoginPassword", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listConnectionStrings", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"securestring\"", text, StringComparison.OrdinalIgnoreCase);
        var listKeys = text.Split("listKeys(").Skip(1).ToList();
        Assert.Single(listKeys);
        Assert.StartsWith("format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName'))), '2025-03-01').systemKeys.blobs_extension", listKeys[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Telemetry_goes_to_Application_Insights_on_a_Log_Analytics_workspace_with_Entra_auth_only(string environment)
    {
        var deployment = infrastructure.Deployment(environment);
        var component = deployment.OfType("Microsoft.Insights/components").Single().Properties!;
        var workspace = deployment.OfType("Microsoft.OperationalInsights/workspaces").Single();

        Assert.Equal(
            "[resourceId('Microsoft.OperationalInsights/workspaces', parameters('workspaceName'))]",
            deployment.OfType("Microsoft.Insights/components").Single().Definition["properties"]!["WorkspaceResourceId"]!.GetValue<string>());
        Assert.Equal(workspace.Scope.Parameter("workspaceName")!.GetValue<string>(), workspace.NameText);
        Assert.True(component["DisableLocalAuth"]!.GetValue<bool>());
        Assert.True(workspace.Properties!["features"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void The_blob_event_subscription_is_step_two_of_the_deployment()
    {
        var stepOne = infrastructure.Deployment("dev");
        var stepTwo = infrastructure.Deployment("dev", new Dictionary<string, JsonNode?> { ["enableBlobEventSubscription"] = true });

        Assert.False(stepOne.Module("blob-event-subscription").Deployed);
        Assert.False(stepOne.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single().Deployed);
        Assert.True(stepOne.OfType("Microsoft.EventGrid/systemTopics").Single().Deployed);
        Assert.True(stepTwo.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single().Deployed);
    }

    [Fact]
    public void The_blob_event_subscription_calls_the_IngestInputBlob_webhook_for_new_input_blobs_only()
    {
        var deployment = infrastructure.Deployment("dev", new Dictionary<string, JsonNode?> { ["enableBlobEventSubscription"] = true });
        var subscription = deployment.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Single();
        var properties = subscription.Properties!;
        var rawUrl = subscription.Definition["properties"]!["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>();

        Assert.Equal("IngestInputBlob", subscription.Scope.Parameter("functionName")!.GetValue<string>());
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'", rawUrl, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension)]", rawUrl, StringComparison.Ordinal);
        Assert.Equal("WebHook", properties["destination"]!["endpointType"]!.GetValue<string>());
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal($"/blobServices/default/containers/{AppDefaults.InputsContainer}/", properties["filter"]!["subjectBeginsWith"]!.GetValue<string>());
        Assert.Equal("eventgrid-deadletter", properties["deadLetterWithResourceIdentity"]!["deadLetterDestination"]!["properties"]!["blobContainerName"]!.GetValue<string>());
    }

    [Fact]
    public void The_system_topic_watches_the_data_account()
    {
        var topic = infrastructure.Deployment("dev").OfType("Microsoft.EventGrid/systemTopics").Single();

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties!["topicType"]!.GetValue<string>());
        Assert.Contains("'storage-data'", topic.Definition["properties"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployment_outputs_what_an_operator_needs()
    {
        var outputs = infrastructure.Template["outputs"]!.AsObject().Select(o => o.Key).ToList();

        foreach (var name in new[] { "functionAppName", "functionAppUrl", "functionIdentityName", "functionIdentityClientId", "dataStorageAccountName", "hostStorageAccountName", "sqlServerFqdn", "sqlDatabaseName", "sqlPostDeploymentScript", "applicationInsightsName" })
        {
            Assert.Contains(name, outputs);
        }
    }

    private Dictionary<string, string> RawSettings() =>
        infrastructure.Template["resources"]!.AsArray()
            .Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!["appSettings"]!["value"]!
            .AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    private Dictionary<string, JsonNode?> Settings(string environment) =>
        infrastructure.Deployment(environment).ModuleParameter("function-app", "appSettings")!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    private static string Setting(Dictionary<string, JsonNode?> settings, string name)
    {
        Assert.True(settings.TryGetValue(name, out var value), $"App setting {name} is missing.");
        Assert.False(ArmExpression.IsUnknown(value), $"App setting {name} is known only at deployment.");
        return value!.GetValue<string>();
    }

    private static string FormatOf(string expression)
    {
        const string prefix = "[format('";
        Assert.StartsWith(prefix, expression, StringComparison.Ordinal);
        return expression[prefix.Length..expression.IndexOf('\'', prefix.Length)];
    }
}
