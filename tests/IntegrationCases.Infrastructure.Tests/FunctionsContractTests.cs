using System.Reflection;
using IntegrationCases.Functions;
using IntegrationCases.Infrastructure.Tests.Bicep;
using IntegrationCases.Pipeline.Storage;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationCases.Infrastructure.Tests;

/// <summary>The template against the Functions app's triggers: a rename on either side fails here.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FunctionsContractTests(CompiledInfrastructure infrastructure)
{
    private static readonly StorageOptions AppDefaults = new();

    private static IEnumerable<(string Function, ParameterInfo Parameter)> TriggerParameters() =>
        typeof(FunctionSettings).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Function is not null)
            .SelectMany(m => m.Method.GetParameters().Select(p => (m.Function!.Name, p)));

    [Fact]
    public void The_webhook_names_the_blob_triggered_function_of_the_app()
    {
        var blobTriggered = TriggerParameters().Where(t => t.Parameter.GetCustomAttribute<BlobTriggerAttribute>() is not null).ToList();

        var (function, parameter) = Assert.Single(blobTriggered);
        Assert.Equal(function, infrastructure.Deployment("dev").Scope.Variable("blobTriggerFunctionName")!.GetValue<string>());
        Assert.Equal(BlobTriggerSource.EventGrid, parameter.GetCustomAttribute<BlobTriggerAttribute>()!.Source);
    }

    [Fact]
    public void The_blob_trigger_watches_the_inputs_container_the_template_creates_and_subscribes_to()
    {
        var trigger = TriggerParameters().Select(t => t.Parameter.GetCustomAttribute<BlobTriggerAttribute>()).OfType<BlobTriggerAttribute>().Single();
        var container = trigger.BlobPath.Split('/')[0];
        var appStorage = infrastructure.Deployment("dev").Scope.Variable("appStorage")!;

        Assert.Equal(AppDefaults.InputsContainer, container);
        Assert.Equal(container, appStorage["inputsContainer"]!.GetValue<string>());
    }

    [Fact]
    public void The_queue_triggers_listen_on_the_queues_the_template_creates_or_their_poison_queues()
    {
        var queues = TriggerParameters().Select(t => t.Parameter.GetCustomAttribute<QueueTriggerAttribute>()).OfType<QueueTriggerAttribute>()
            .Select(q => q.QueueName)
            .ToList();
        var appStorage = infrastructure.Deployment("dev").Scope.Variable("appStorage")!;
        string[] created = [appStorage["recomputeQueue"]!.GetValue<string>(), appStorage["uncertaintyQueue"]!.GetValue<string>()];

        Assert.Equal([AppDefaults.RecomputeQueue, AppDefaults.UncertaintyQueue], created);
        Assert.All(created, queue => Assert.Contains(queue, queues));
        Assert.All(queues, queue => Assert.Contains(queue.EndsWith("-poison", StringComparison.Ordinal) ? queue[..^"-poison".Length] : queue, created));
    }

    [Fact]
    public void Every_trigger_connection_has_identity_based_app_settings()
    {
        var connections = TriggerParameters()
            .SelectMany(t => new[] { t.Parameter.GetCustomAttribute<BlobTriggerAttribute>()?.Connection, t.Parameter.GetCustomAttribute<QueueTriggerAttribute>()?.Connection })
            .OfType<string>()
            .Distinct()
            .ToList();
        var settings = infrastructure.Deployment("dev").ModuleParameter("function-app", "appSettings")!.AsObject();

        Assert.Equal([FunctionSettings.StorageConnection], connections);
        foreach (var connection in connections)
        {
            Assert.True(settings.ContainsKey($"{connection}__blobServiceUri"), connection);
            Assert.True(settings.ContainsKey($"{connection}__queueServiceUri"), connection);
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]!.GetValue<string>());
            Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string.");
        }
    }
}
