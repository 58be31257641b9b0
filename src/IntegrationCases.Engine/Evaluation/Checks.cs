namespace IntegrationCases.Engine.Evaluation;

/// <summary>
/// The range checks of METHOD.md section 9, each adding one Danish message that names the value and the
/// allowed range to the errors of the scenario being resolved.
/// </summary>
internal static class Checks
{
    public static void Add(this List<ValidationError> errors, string path, string message) =>
        errors.Add(new ValidationError(path, message));

    /// <summary>A finite number in [min; max]; false (and an error) otherwise.</summary>
    public static bool InRange(this List<ValidationError> errors, string path, double value, double min, double max, string what)
    {
        if (double.IsFinite(value) && value >= min && value <= max)
        {
            return true;
        }

        errors.Add(path, $"{what} er {Danish.Number(value)}; tilladt er [{Danish.Number(min)}; {Danish.Number(max)}].");
        return false;
    }

    /// <summary>As <see cref="InRange(List{ValidationError}, string, double, double, double, string)"/> for a value that may be left out.</summary>
    public static void InRange(this List<ValidationError> errors, string path, double? value, double min, double max, string what)
    {
        if (value is { } v)
        {
            errors.InRange(path, v, min, max, what);
        }
    }

    /// <summary>A whole number from min to max.</summary>
    public static void InRange(this List<ValidationError> errors, string path, int value, int min, int max, string what)
    {
        if (value < min || value > max)
        {
            errors.Add(path, $"{what} er {value}; tilladt er heltal fra {min} til {max}.");
        }
    }
}
