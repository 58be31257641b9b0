using System.Text;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Functions.Tests.Support;

/// <summary>Calls an HTTP function class directly with an ASP.NET Core request, as the Functions host's ASP.NET Core integration does.</summary>
public static class FunctionHttp
{
    public static async Task<(int Status, string? ContentType, byte[] Body)> InvokeAsync(
        Func<HttpRequest, Task<IResult>> function, string? body = null, string method = "POST", string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = body is null ? "GET" : method;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        var result = await function(context.Request);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType?.Split(';')[0], response.ToArray());
    }
}
