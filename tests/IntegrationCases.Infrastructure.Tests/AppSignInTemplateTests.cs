using System.Reflection;
using System.Text.Json.Nodes;
using IntegrationCases.Functions;
using IntegrationCases.Functions.Web;
using IntegrationCases.Infrastructure.Tests.Bicep;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>
/// Entra ID sign-in in front of the calculation tool (App Service authentication on the function app), and how
/// it meets the Functions host's function keys: the keyed API and the host's webhooks lie outside sign-in,
/// the page and its keyless API inside it. Held against the function attributes of the app itself.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AppSignInTemplateTests(CompiledInfrastructure infrastructure)
{
    private const string FederatedCredentialSetting = "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID";

    public static TheoryData<string> Environments() => new(CompiledInfrastructure.Environments);

    [Theory]
    [MemberData(nameof(Environments))]
    public void Sign_in_is_required_everywhere_but_the_keyed_API_and_the_host_webhooks(string environment)
    {
        var settings = AuthSettings(environment);
        var global = settings["globalValidation"]!;

        Assert.True(settings["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(global["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("RedirectToLoginPage", global["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.Equal("azureactivedirectory", global["redirectToProvider"]!.GetValue<string>());
        Assert.Equal(["/api/*", "/runtime/webhooks/*"], ExcludedPaths(environment));
        Assert.True(settings["httpSettings"]!["requireHttps"]!.GetValue<bool>());
        // A shared link keeps its scenario (#s=…) through the sign-in round trip.
        Assert.True(settings["login"]!["preserveUrlFragmentsForLogins"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Users_sign_in_with_Entra_ID_of_this_tenant_to_the_given_app_registration_without_a_client_secret(string environment)
    {
        var aad = AuthSettings(environment)["identityProviders"]!["azureActiveDirectory"]!;
        var raw = infrastructure.Deployment(environment).OfType("Microsoft.Web/sites/config").Single()
            .Definition["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!;

        Assert.True(aad["enabled"]!.GetValue<bool>());
        Assert.Equal(CompiledInfrastructure.SignInClientId, aad["registration"]!["clientId"]!.GetValue<string>());
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]", raw["openIdIssuer"]!.GetValue<string>());
        Assert.Equal(FederatedCredentialSetting, aad["registration"]!["clientSecretSettingName"]!.GetValue<string>());

        // The 'secret' setting holds the client id of the app's own user-assigned identity: a federated credential, no secret.
        var rawSettings = RawAppSettings();
        Assert.Contains("userAssignedIdentities", rawSettings[FederatedCredentialSetting], StringComparison.Ordinal);
        Assert.Contains("clientId", rawSettings[FederatedCredentialSetting], StringComparison.Ordinal);
        Assert.Equal("[tenant().tenantId]", rawSettings["WEBSITE_AUTH_AAD_ALLOWED_TENANTS"]);
        Assert.DoesNotContain("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", rawSettings.Keys);
        Assert.Equal("true", rawSettings["AzureWebJobsDisableHomepage"]);
    }

    [Fact]
    public void Every_function_with_a_key_is_outside_sign_in_and_every_anonymous_page_route_is_inside_it()
    {
        var excluded = ExcludedPaths("prod");
        var functions = typeof(FunctionSettings).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault())
            .OfType<HttpTriggerAttribute>()
            .ToList();

        // Power BI and other machine clients send a function key and no user: App Service authentication must let them by.
        Assert.All(functions.Where(f => f.AuthLevel == AuthorizationLevel.Function), f => Assert.True(IsExcluded(PathOf(f.Route!), excluded), f.Route));
        // The page and its keyless API are anonymous for the host; sign-in is what guards them.
        var pageRoutes = functions.Where(f => f.AuthLevel == AuthorizationLevel.Anonymous && f.Route != "api/health").ToList();
        Assert.Contains(pageRoutes, f => f.Route == PageApiFunctions.RootRoute);
        Assert.Contains(pageRoutes, f => f.Route!.StartsWith(PageApiFunctions.Prefix, StringComparison.Ordinal));
        Assert.All(pageRoutes, f => Assert.False(IsExcluded(PathOf(f.Route!), excluded), $"{f.Route} would be reachable without sign-in."));
        // Event Grid calls the blob trigger's webhook with the blobs_extension key, never with a user.
        Assert.True(IsExcluded("/runtime/webhooks/blobs", excluded));
    }

    [Fact]
    public void A_parameter_file_refuses_to_build_without_the_sign_in_app_registration()
    {
        var output = Path.Combine(infrastructure.TempFolder("no-sign-in"), "prod.json");
        var environment = CompiledInfrastructure.OperatorEnvironment();
        environment.Remove("INTEGRATION_SIGNIN_CLIENT_ID");

        var result = infrastructure.BuildParameters("prod", output, environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("INTEGRATION_SIGNIN_CLIENT_ID", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployment_outputs_the_tool_address_and_what_the_app_registration_needs()
    {
        var outputs = infrastructure.Template["outputs"]!.AsObject();

        Assert.Equal("[format('https://{0}/', reference(resourceId('Microsoft.Resources/deployments', 'function-app'), '2025-04-01').outputs.defaultHostName.value)]", outputs["calculationToolUrl"]!["value"]!.GetValue<string>());
        Assert.Contains("'app-sign-in'", outputs["signInRedirectUri"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(outputs.ContainsKey("functionIdentityPrincipalId"));
        var module = infrastructure.Deployment("dev").Module("app-sign-in").Definition["properties"]!["template"]!["outputs"]!["redirectUri"]!["value"]!.GetValue<string>();
        Assert.StartsWith("[format('https://{0}/.auth/login/aad/callback'", module, StringComparison.Ordinal);
    }

    private JsonNode AuthSettings(string environment)
    {
        var config = infrastructure.Deployment(environment).OfType("Microsoft.Web/sites/config").Single();
        Assert.Equal("authsettingsV2", config.ShortName);
        Assert.StartsWith($"func-intcase-{environment}-", config.NameText, StringComparison.Ordinal);
        return config.Properties!;
    }

    private List<string> ExcludedPaths(string environment) =>
        [.. AuthSettings(environment)["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => p!.GetValue<string>())];

    /// <summary>The request path of a function route under host.json's empty route prefix.</summary>
    private static string PathOf(string route) => route == PageApiFunctions.RootRoute ? "/" : "/" + route;

    /// <summary>App Service authentication's excluded paths: exact, or a prefix when they end in '/*'.</summary>
    private static bool IsExcluded(string path, IEnumerable<string> excluded) =>
        excluded.Any(e => e.EndsWith("/*", StringComparison.Ordinal)
            ? path.StartsWith(e[..^1], StringComparison.OrdinalIgnoreCase)
            : path.Equals(e, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, string> RawAppSettings() =>
        infrastructure.Template["resources"]!.AsArray()
            .Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!["appSettings"]!["value"]!
            .AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
}
