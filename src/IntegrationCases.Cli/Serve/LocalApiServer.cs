using System.Net;
using IntegrationCases.Pipeline.Hosting;
using IntegrationCases.Pipeline.Http;
using IntegrationCases.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationCases.Cli.Serve;

/// <summary>What the local server needs: the output folder it reads, the key it demands, where it listens.</summary>
public sealed record LocalApiServerSettings(string OutputRoot, string Key, string Host = "127.0.0.1", int Port = 7071)
{
    /// <summary>Extra configuration (for example <c>Api:MaxScenarioBodyBytes</c>), applied over the defaults.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>The clock of the process: the API's default start date and its context refresh read it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The lowest level logged; Warning keeps a load test quiet, Information shows each request problem.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
}

/// <summary>
/// The <c>serve</c> host: the API's handlers on Kestrel over the local output folder, with the function key
/// checked by <see cref="FunctionKeyMiddleware"/>, so that a laptop and Power BI Desktop can call the same API
/// as in Azure, and the calculation tool at <c>/</c> (its API calls carry a loopback session cookie, never the key).
/// Bound to 127.0.0.1 unless told otherwise; port 0 picks a free port (see <see cref="ListeningUri"/>).
/// </summary>
public static class LocalApiServer
{
    public static WebApplication Build(LocalApiServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Key))
        {
            throw new ArgumentException("The local server needs a key.", nameof(settings));
        }

        if (!IPAddress.TryParse(settings.Host, out var address))
        {
            address = settings.Host == "localhost" ? IPAddress.Loopback : throw new ArgumentException($"Host '{settings.Host}' is not an IP address.", nameof(settings));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:LocalRoot"] = Path.GetFullPath(settings.OutputRoot),
        });
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // A backstop: the handlers refuse bodies over Api:MaxScenarioBodyBytes themselves, with a problem document.
            k.Limits.MaxRequestBodySize = 1024 * 1024;
            // Room above Api:MaxQueryLength, so that a long flat GET gets the API's 414 problem, not Kestrel's bare one.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Listen(address, settings.Port);
        });
        builder.Services.AddSingleton(settings.Clock);
        builder.Services.AddIntegrationCasesPipeline();
        builder.Services.AddRouting();

        var app = builder.Build();
        var pageSession = new LocalPageSession();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<FunctionKeyMiddleware>(settings.Key, CalculationToolEndpoints.KeylessAccess(pageSession));
        app.MapIntegrationCasesApi();
        app.MapCalculationTool(pageSession);
        return app;
    }

    /// <summary>The address a started server listens on (with the real port when 0 was asked for).</summary>
    public static Uri ListeningUri(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server has no addresses; start it first.");
        return new Uri(addresses.First());
    }
}
