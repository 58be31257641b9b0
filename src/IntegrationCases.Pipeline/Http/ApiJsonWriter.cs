using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntegrationCases.Pipeline.Http;

/// <summary>Writer options for the API's own JSON: compact, with Danish letters written as they are (not \u00e6).</summary>
internal static class ApiJsonWriter
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Served as application/json, never inlined in HTML: quotes and Danish letters stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
