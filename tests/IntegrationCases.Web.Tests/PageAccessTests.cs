using System.Net;
using IntegrationCases.Cli.Serve;
using IntegrationCases.Web.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace IntegrationCases.Web.Tests;

/// <summary>
/// How the page gets at the API on serve without a key, and who else does not: the real serve process, plain
/// HTTP calls (no browser), and the session rules on their own.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class PageAccessTests(ToolFixture tool)
{
    private Uri Address => tool.Server.Address;

    [Fact]
    public async Task The_page_is_served_without_a_key_with_a_strict_session_cookie_and_never_the_key()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(Address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(LocalPageSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ToolServer.Key, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ToolServer.Key, cookie, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"api-base\" content=\"api/\">", html, StringComparison.Ordinal);

        using var script = await client.GetAsync(new Uri(Address, "assets/app.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var missing = await client.GetAsync(new Uri(Address, "assets/missing.js"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_call_without_key_or_cookie_is_still_refused()
    {
        using var client = Anonymous();
        foreach (var path in new[] { "api/cases", "api/municipalities", "api/parameters", "api/municipalities/851/results" })
        {
            using var response = await client.GetAsync(new Uri(Address, path));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var post = await client.PostAsync(new Uri(Address, "api/scenarios/evaluate"), new StringContent("""{"municipalityCode":"851","caseId":"NY-JOB-30"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_opens_the_API_only_from_the_page_itself()
    {
        var cookie = await SessionCookieAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(cookie, null, null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(cookie, "same-origin", null));
        // Another site, or another web app on this machine (another port is the same site): refused.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(cookie, "cross-site", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(cookie, "same-site", null));
        // A name that resolves to 127.0.0.1 (DNS rebinding) is not the loopback name the page was loaded from.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(cookie, "same-origin", "rebound.example"));
        // A made-up session.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync($"{LocalPageSession.CookieName}={new string('0', 64)}", null, null));
    }

    [Fact]
    public async Task A_page_loaded_under_another_host_name_gets_no_cookie()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);
        request.Headers.Host = "rebound.example";
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void A_browser_on_another_machine_gets_no_cookie_and_its_cookie_is_not_accepted()
    {
        var session = new LocalPageSession();
        var local = Context("127.0.0.1", "127.0.0.1:7071");
        session.IssueTo(local);
        var cookie = local.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(LocalPageSession.CookieName + "=", cookie, StringComparison.Ordinal);
        var token = cookie.Split(';')[0].Split('=')[1];

        var remote = Context("192.168.10.20", "192.168.10.5:7071");
        session.IssueTo(remote);
        Assert.Empty(remote.Response.Headers.SetCookie.ToString());
        remote.Request.Headers.Cookie = $"{LocalPageSession.CookieName}={token}";
        Assert.False(session.Accepts(remote));

        var back = Context("::1", "[::1]:7071");
        back.Request.Headers.Cookie = $"{LocalPageSession.CookieName}={token}";
        Assert.True(session.Accepts(back));
        Assert.False(new LocalPageSession().Accepts(back), "Another server's session does not open this one.");
    }

    private static DefaultHttpContext Context(string remote, string host)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Host = new HostString(host);
        return context;
    }

    private async Task<string> SessionCookieAsync()
    {
        using var client = Anonymous();
        using var response = await client.GetAsync(Address);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private async Task<HttpStatusCode> StatusAsync(string cookie, string? fetchSite, string? host)
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, "api/cases"));
        request.Headers.Add("Cookie", cookie);
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
}
