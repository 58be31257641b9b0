namespace IntegrationCases.Engine.Results;

/// <summary>
/// A money line of METHOD.md section 6 as every report shows it: the CLI table, the mart's dim_line_item,
/// the extracts and Power BI all take the Danish label, category, actor and order from here.
/// </summary>
public sealed record MoneyLine(string Code, string Label, string Category, string Actor, int SortOrder);
