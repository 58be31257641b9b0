using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationCases.Infrastructure.Tests.Bicep;
using IntegrationCases.Pipeline.Storage;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>What the compiled template promises for storage, per environment.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed partial class StorageTemplateTests(CompiledInfrastructure infrastructure)
{
    private static readonly StorageOptions AppDefaults = new();

    public static TheoryData<string> Environments() => new(CompiledInfrastructure.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_storage_account_refuses_anonymous_access_shared_keys_old_TLS_and_plain_HTTP(string environment)
    {
        var accounts = infrastructure.Deployment(environment).OfType("Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(2, accounts.Count);
        foreach (var account in accounts)
        {
            var properties = account.Properties!;
            Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>(), account.NameText);
            Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>(), account.NameText);
            Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
            Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>(), account.NameText);
            Assert.True(properties["defaultToOAuthAuthentication"]!.GetValue<bool>(), account.NameText);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Storage_account_names_are_valid_and_derive_from_base_name_and_environment(string environment)
    {
        var names = infrastructure.Deployment(environment).OfType("Microsoft.Storage/storageAccounts").Select(a => a.NameText).ToList();

        Assert.All(names, name => Assert.Matches(StorageAccountName(), name));
        Assert.All(names, name => Assert.Contains($"intcase{environment}", name, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_data_account_keeps_every_version_and_soft_deletes_blobs_and_containers(string environment)
    {
        var blobService = infrastructure.Deployment(environment).InModule("storage-data")
            .Single(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices").Properties!;

        Assert.True(blobService["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(blobService["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["deleteRetentionPolicy"]!["days"]!.GetValue<long>() >= 7);
        Assert.True(blobService["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["containerDeleteRetentionPolicy"]!["days"]!.GetValue<long>() >= 7);
        Assert.True(blobService["restorePolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["changeFeed"]!["enabled"]!.GetValue<bool>());
        Assert.True(
            blobService["restorePolicy"]!["days"]!.GetValue<long>() < blobService["deleteRetentionPolicy"]!["days"]!.GetValue<long>(),
            "Point-in-time restore must be shorter than the soft-delete retention.");
    }

    [Fact]
    public void Production_keeps_deleted_data_longer_than_development()
    {
        long Days(string environment) => infrastructure.Deployment(environment).InModule("storage-data")
            .Single(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices").Properties!["deleteRetentionPolicy"]!["days"]!.GetValue<long>();

        Assert.True(Days("prod") > Days("dev"));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_host_account_soft_deletes_too(string environment)
    {
        var blobService = infrastructure.Deployment(environment).InModule("storage-host")
            .Single(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices").Properties!;

        Assert.True(blobService["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_container_the_app_uses_exists_and_is_private(string environment)
    {
        var containers = infrastructure.Deployment(environment).InModule("storage-data")
            .Where(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers")
            .ToDictionary(r => r.ShortName, r => r.Properties!["publicAccess"]!.GetValue<string>());

        foreach (var name in new[]
                 {
                     AppDefaults.InputsContainer, AppDefaults.CuratedContainer, AppDefaults.RejectedContainer,
                     AppDefaults.MartContainer, AppDefaults.ExtractsContainer,
                 })
        {
            Assert.True(containers.ContainsKey(name), $"Container '{name}' (StorageOptions default) is not in the template.");
            Assert.Equal("None", containers[name]);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_recompute_and_uncertainty_queues_exist(string environment)
    {
        var queues = infrastructure.Deployment(environment).InModule("storage-data")
            .Where(r => r.Type == "Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(r => r.ShortName);

        Assert.Contains(AppDefaults.RecomputeQueue, queues);
        Assert.Contains(AppDefaults.UncertaintyQueue, queues);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_deployment_package_container_is_in_the_host_account(string environment)
    {
        var deployment = infrastructure.Deployment(environment);
        var containers = deployment.InModule("storage-host")
            .Where(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(r => r.ShortName)
            .ToList();

        Assert.Equal(["app-package"], containers);
        Assert.Equal("app-package", deployment.ModuleParameter("function-app", "deploymentContainerName")!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void A_lifecycle_rule_ages_out_old_runs_of_the_mart_and_old_versions(string environment)
    {
        var rules = infrastructure.Deployment(environment).InModule("storage-data")
            .Single(r => r.Type == "Microsoft.Storage/storageAccounts/managementPolicies")
            .Properties!["policy"]!["rules"]!.AsArray();

        var runs = rules.Single(rule => rule!["definition"]!["filters"]!["prefixMatch"] is JsonArray prefixes
                                        && prefixes.Any(p => p!.GetValue<string>() == $"{AppDefaults.MartContainer}/runs/"))!;
        var cool = runs["definition"]!["actions"]!["baseBlob"]!["tierToCool"]!["daysAfterModificationGreaterThan"]!.GetValue<long>();
        var delete = runs["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<long>();
        Assert.True(cool < delete);
        Assert.True(delete > 30, "A run must outlive at least a month of comparisons.");
        Assert.Contains(rules, rule => rule!["definition"]!["actions"]!["version"]?["delete"] is not null);

        // The latest mart (mart/latest/) is never aged out: only runs/ carries a prefix filter on the mart.
        Assert.DoesNotContain(rules, rule => rule!["definition"]!["filters"]!["prefixMatch"] is JsonArray prefixes
                                             && prefixes.Any(p => p!.GetValue<string>().StartsWith($"{AppDefaults.MartContainer}/latest", StringComparison.Ordinal)));
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccountName();
}
