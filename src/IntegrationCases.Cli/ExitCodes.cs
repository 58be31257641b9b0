namespace IntegrationCases.Cli;

/// <summary>
/// The exit codes of every command (README, docs/recompute.md, docs/ingestion.md). A script can rely on them:
/// 0 the work is done, 1 the work was tried and failed, 2 what it was given cannot be used.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done: a scenario computed, a file accepted, a mart published or already up to date, a list printed.</summary>
    public const int Ok = 0;

    /// <summary>Tried and failed: a recompute run failed (the previous mart stays), or an ingested file was rejected.</summary>
    public const int Failed = 1;

    /// <summary>Cannot be used: a usage error, a missing or unreadable file or folder, a rejected scenario (API.md 'Errors').</summary>
    public const int InvalidInput = 2;
}
