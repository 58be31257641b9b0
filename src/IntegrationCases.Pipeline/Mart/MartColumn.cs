namespace IntegrationCases.Pipeline.Mart;

/// <summary>The logical type of a mart column; each writer maps it to its own physical type.</summary>
public enum MartType
{
    /// <summary>Unicode text (Parquet UTF8 string, SQL nvarchar).</summary>
    Text,

    /// <summary>32-bit integer (years, months, counts of rows).</summary>
    Int32,

    /// <summary>Money in DKK to øre: decimal(18,2) in Parquet and SQL.</summary>
    Money,

    /// <summary>Persons, shares, ratios: IEEE double (Parquet DOUBLE, SQL float).</summary>
    Double,

    /// <summary>A calendar date (Parquet DATE, SQL date).</summary>
    Date,

    /// <summary>A UTC instant (Parquet TIMESTAMP in UTC, SQL datetime2(3)).</summary>
    TimestampUtc,
}

/// <summary>
/// One column of a mart table: its snake_case name (the same in Parquet, SQL and Power BI's sourceColumn),
/// type, nullability, whether it is part of the table's key, its maximum text length (SQL) and its Danish
/// display name and description (Power BI).
/// </summary>
public sealed record MartColumn(
    string Name,
    MartType Type,
    bool Nullable,
    bool IsKey,
    string DanishName,
    string DanishDescription,
    int MaxLength = 0);
