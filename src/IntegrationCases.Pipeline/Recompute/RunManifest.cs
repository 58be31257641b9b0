using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationCases.Pipeline.Recompute;

/// <summary>One input file as the run saw it.</summary>
public sealed record ManifestInput(string Path, string Kind, string ContentHash, long Size, bool Accepted);

/// <summary>One file the run wrote into its run folder, with its SHA-256 (so a reader can check a copy).</summary>
public sealed record ManifestFile(string Path, long Size, string Sha256);

/// <summary>
/// What a run used and produced (DESIGN.md): every input with its hash, the parameter set, the engine version,
/// the start date of the cases, row counts per table and every file written. <see cref="InputsHash"/> covers
/// everything that can change a result; equal hashes mean the run would repeat the last one, so it is skipped.
/// Only <see cref="StartedUtc"/> and <see cref="FinishedUtc"/> vary between two runs of the same inputs.
/// </summary>
public sealed record RunManifest(
    string RunId,
    string InputsHash,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    string EngineVersion,
    string MethodVersion,
    string ParameterSet,
    DateOnly StartDate,
    IReadOnlyList<ManifestInput> Inputs,
    IReadOnlyDictionary<string, int> RowCounts,
    IReadOnlyList<ManifestFile> Files)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static RunManifest FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<RunManifest>(utf8, Json) ?? throw new JsonException("The run manifest is empty.");
}
