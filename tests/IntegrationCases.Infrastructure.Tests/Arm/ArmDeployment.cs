using System.Text.Json.Nodes;

namespace IntegrationCases.Infrastructure.Tests.Arm;

/// <summary>One resource of a compiled template (one instance of a copy loop), evaluated in its template's scope.</summary>
public sealed record ArmResource(string Type, JsonNode? Name, JsonObject Definition, ArmScope Scope, bool Deployed, string DeploymentPath)
{
    public string NameText => Name?.GetValue<string>() ?? string.Empty;

    /// <summary>The last segment of the resource name (a container's own name, say).</summary>
    public string ShortName => NameText.Split('/')[^1];

    public JsonNode? Properties => ArmExpression.Evaluate(Definition["properties"], Scope);

    public JsonNode? Evaluate(string property) => ArmExpression.Evaluate(Definition[property], Scope);
}

/// <summary>
/// A compiled main template with the values of one parameter file, and every resource of it and of its nested
/// module deployments, each evaluated with the parameter values its parent passes in.
/// </summary>
public sealed class ArmDeployment
{
    public ArmDeployment(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues)
    {
        Template = template;
        Scope = new ArmScope(template, parameterValues);
        Resources = Collect(Scope, deployed: true, path: "main").ToList();
    }

    public JsonObject Template { get; }

    public ArmScope Scope { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module deployment of the given name (e.g. 'storage-data') as a resource of its parent.</summary>
    public ArmResource Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(r => r.NameText == name);

    /// <summary>The value a parent passes to a module's parameter.</summary>
    public JsonNode? ModuleParameter(string module, string parameter) =>
        ArmExpression.Evaluate(Module(module).Definition["properties"]?["parameters"]?[parameter]?["value"], Module(module).Scope);

    public IEnumerable<ArmResource> InModule(string module) =>
        Resources.Where(r => r.DeploymentPath.EndsWith("/" + module, StringComparison.Ordinal));

    private static IEnumerable<ArmResource> Collect(ArmScope scope, bool deployed, string path)
    {
        foreach (var definition in ResourceDefinitions(scope.Template))
        {
            if (definition["existing"] is JsonValue existing && existing.GetValue<bool>())
            {
                continue;
            }

            foreach (var instanceScope in Instances(definition, scope))
            {
                var type = definition["type"]!.GetValue<string>();
                var name = ArmExpression.Evaluate(definition["name"], instanceScope);
                var condition = definition["condition"] is { } c ? ArmExpression.Evaluate(c, instanceScope) : JsonValue.Create(true);
                var isDeployed = deployed && !(condition is JsonValue v && v.TryGetValue<bool>(out var b) && !b);
                var resource = new ArmResource(type, name, definition, instanceScope, isDeployed, path);
                yield return resource;

                if (type == "Microsoft.Resources/deployments" && definition["properties"]?["template"] is JsonObject inner)
                {
                    var values = new Dictionary<string, JsonNode?>();
                    if (definition["properties"]?["parameters"] is JsonObject passed)
                    {
                        foreach (var (parameter, wrapper) in passed)
                        {
                            values[parameter] = ArmExpression.Evaluate(wrapper?["value"], instanceScope);
                        }
                    }

                    foreach (var child in Collect(new ArmScope(inner, values), isDeployed, $"{path}/{resource.NameText}"))
                    {
                        yield return child;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonObject> ResourceDefinitions(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static IEnumerable<ArmScope> Instances(JsonObject definition, ArmScope scope)
    {
        if (definition["copy"] is not JsonObject copy)
        {
            yield return scope;
            yield break;
        }

        var count = ArmExpression.Evaluate(copy["count"], scope);
        if (ArmExpression.IsUnknown(count))
        {
            throw new InvalidOperationException($"Copy count of {definition["type"]} is not known before deployment.");
        }

        for (var i = 0; i < count!.GetValue<long>(); i++)
        {
            yield return scope.WithCopyIndex(i);
        }
    }
}
