using System.Reflection;
using System.Text.Json;
using IntegrationCases.Functions.Tests.Support;
using IntegrationCases.Functions.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationCases.Functions.Tests.Web;

/// <summary>
/// The Functions host serves the calculation tool at '/' and the API under '/api', so host.json's route prefix
/// is empty and every route names its own prefix. Held here against the function attributes and the routes
/// that serve maps, since the host itself cannot run on this machine.
/// </summary>
public sealed class FunctionRoutesTests(ApiServerFixture server) : IClassFixture<ApiServerFixture>
{
    private sealed record HttpFunction(string Name, AuthorizationLevel Level, string Route, string[] Methods);

    private static readonly List<HttpFunction> Functions = [.. typeof(FunctionSettings).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
        .Where(f => f.Function is not null && f.Trigger is not null)
        .Select(f => new HttpFunction(f.Function!.Name, f.Trigger!.AuthLevel, f.Trigger.Route!, [.. f.Trigger.Methods!.Select(m => m.ToUpperInvariant())]))];

    [Fact]
    public void Host_json_has_an_empty_route_prefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(IntegrationCases.Tests.Support.AzuriteFixture.RepositoryRoot(), "host.json")));
        Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Every_keyed_function_is_under_api_and_only_health_the_page_and_the_page_API_are_anonymous()
    {
        Assert.All(Functions.Where(f => f.Level == AuthorizationLevel.Function), f => Assert.StartsWith("api/", f.Route, StringComparison.Ordinal));
        Assert.All(Functions, f => Assert.True(f.Level is AuthorizationLevel.Function or AuthorizationLevel.Anonymous, $"{f.Name} is {f.Level}"));
        var anonymous = Functions.Where(f => f.Level == AuthorizationLevel.Anonymous).ToList();
        Assert.Equal(["api/health"], anonymous.Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal)).Select(f => f.Route));
        Assert.All(
            anonymous.Where(f => f.Route != "api/health"),
            f => Assert.True(
                f.Route is PageApiFunctions.RootRoute or PageApiFunctions.AssetRoute || f.Route.StartsWith(PageApiFunctions.Prefix, StringComparison.Ordinal),
                $"{f.Name} ({f.Route}) is anonymous but is neither the page nor the page API."));
        Assert.All(anonymous.Where(f => f.Route is PageApiFunctions.RootRoute or PageApiFunctions.AssetRoute), f => Assert.Equal(["GET"], f.Methods));
    }

    [Fact]
    public void The_keyed_functions_have_exactly_the_routes_that_serve_maps_under_api()
    {
        var served = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal);
        var functions = Functions.Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(f => f.Methods.Select(m => $"{m} {f.Route}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(served, functions);
    }

    [Fact]
    public void Every_page_API_route_is_an_API_route_with_the_same_method()
    {
        var api = Functions.Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal)).SelectMany(f => f.Methods.Select(m => $"{m} {f.Route["api/".Length..]}")).ToHashSet();
        var page = Functions.Where(f => f.Route.StartsWith(PageApiFunctions.Prefix, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(page);
        Assert.All(page, f => Assert.All(f.Methods, m => Assert.Contains($"{m} {f.Route[PageApiFunctions.Prefix.Length..]}", api)));
        // What the page calls: the catalogue, the municipalities and their results, the unit prices, evaluate, the workbook and the uncertainty panel.
        Assert.Equal(
            ["GET cases", "GET municipalities", "GET municipalities/{kode}/results", "GET parameters", "POST scenarios/evaluate", "POST scenarios/extract.xlsx", "POST scenarios/uncertainty"],
            page.SelectMany(f => f.Methods.Select(m => $"{m} {f.Route[PageApiFunctions.Prefix.Length..]}")).Order(StringComparer.Ordinal));
    }
}
