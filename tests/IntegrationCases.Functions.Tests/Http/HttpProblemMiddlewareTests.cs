using System.Text.Json;
using IntegrationCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationCases.Functions.Tests.Http;

/// <summary>The Functions app's own 500: an exception in an HTTP function is a problem document, in any other function it is rethrown.</summary>
public sealed class HttpProblemMiddlewareTests
{
    [Fact]
    public async Task An_exception_in_an_http_function_becomes_a_500_problem_document()
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        http.Request.Path = "/api/municipalities/851/results";
        var context = new FakeFunctionContext(http);
        await new HttpProblemMiddleware(NullLogger<HttpProblemMiddleware>.Instance)
            .Invoke(context, _ => throw new InvalidOperationException("storage is down"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(body.ToArray());
        Assert.Equal(500, doc.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("storage is down", doc.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_in_a_queue_function_is_rethrown_for_the_host_to_retry()
    {
        var context = new FakeFunctionContext(null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new HttpProblemMiddleware(NullLogger<HttpProblemMiddleware>.Instance)
            .Invoke(context, _ => throw new InvalidOperationException("run failed")));
    }

    /// <summary>Only what the middleware reads: the items (where the ASP.NET Core integration keeps the HttpContext) and the function's name.</summary>
    private sealed class FakeFunctionContext : FunctionContext
    {
        public FakeFunctionContext(HttpContext? http)
        {
            if (http is not null)
            {
                Items["HttpRequestContext"] = http;
            }
        }

        public override string InvocationId => "test";

        public override string FunctionId => "test";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition { get; } = new FakeDefinition();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class FakeDefinition : FunctionDefinition
    {
        public override System.Collections.Immutable.ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => string.Empty;

        public override string Id => "test";

        public override string Name => "MunicipalityResults";

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> InputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> OutputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
