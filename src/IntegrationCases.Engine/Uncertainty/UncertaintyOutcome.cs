using IntegrationCases.Engine.Evaluation;

namespace IntegrationCases.Engine.Uncertainty;

/// <summary>Either a result or the reasons the request was rejected (paths as <c>scenario.participants</c>, <c>ranges.costMultiplier.low</c>); never both.</summary>
public sealed record UncertaintyOutcome
{
    private UncertaintyOutcome(UncertaintyResult? result, IReadOnlyList<ValidationError> errors)
    {
        Result = result;
        Errors = errors;
    }

    public UncertaintyResult? Result { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public static UncertaintyOutcome Success(UncertaintyResult result) => new(result, []);

    public static UncertaintyOutcome Rejected(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0
            ? throw new ArgumentException("A rejection needs at least one error.", nameof(errors))
            : new(null, errors);
}
