namespace IntegrationCases.Pipeline.Storage;

/// <summary>One stored file: its path inside the area ('/'-separated), its size in bytes and its ETag where the store has one.</summary>
public sealed record StoredItem(string Path, long Size, string? ETag);
