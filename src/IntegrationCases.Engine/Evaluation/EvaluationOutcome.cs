using IntegrationCases.Engine.Results;

namespace IntegrationCases.Engine.Evaluation;

/// <summary>Either a result or the reasons the scenario was rejected; never both.</summary>
public sealed record EvaluationOutcome
{
    private EvaluationOutcome(ScenarioResult? result, IReadOnlyList<ValidationError> errors)
    {
        Result = result;
        Errors = errors;
    }

    public ScenarioResult? Result { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsValid => Result is not null;

    public static EvaluationOutcome Success(ScenarioResult result) => new(result, []);

    public static EvaluationOutcome Rejected(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0
            ? throw new ArgumentException("A rejection needs at least one error.", nameof(errors))
            : new(null, errors);
}
