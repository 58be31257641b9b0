namespace IntegrationCases.Engine.Cases;

/// <summary>
/// One business case of the standard catalogue with every default a scenario may leave out.
/// <see cref="TargetGroup"/> is the key that data uses to count the case's full-time persons
/// (for example <c>nytilkomne_over_30_jobparate</c>); <see cref="ParticipationShare"/> is the share of those
/// persons the investment is offered to, so the default participants = count × share.
/// </summary>
public sealed record CaseDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string TargetGroup { get; init; }
    public required string TargetGroupLabel { get; init; }
    public required string Description { get; init; }
    public required double ParticipationShare { get; init; }
    public required int HorizonYears { get; init; }
    // The engine issue completes the full set of defaults (benefit type, household mix, trajectories,
    // investment, in-job support, Danish test, earnings) and the argument for each.
}
