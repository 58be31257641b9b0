namespace IntegrationCases.Pipeline.Web;

/// <summary>One file of the calculation tool: its path under <c>/</c>, media type, bytes and a strong ETag of the bytes.</summary>
public sealed record WebAsset(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
