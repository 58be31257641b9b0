using System.Text.RegularExpressions;
using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Sql;
using IntegrationCases.PowerBi.Tests.Tmdl;
using static IntegrationCases.PowerBi.Tests.ModelUnderTest;

namespace IntegrationCases.PowerBi.Tests;

/// <summary>The TMDL semantic model held against the one mart schema in code (MartSchema).</summary>
public sealed partial class SemanticModelTests
{
    private static readonly string[] ModelOnlyTables = ["År", "Diskonteringsrente", "Målinger"];

    [Fact]
    public void Every_mart_table_is_loaded_by_exactly_one_model_table_named_with_its_danish_name()
    {
        NoFailures(MartSchema.Tables.SelectMany(mart =>
        {
            var tables = MartTables.Where(p => p.Mart == mart).Select(p => p.Table).ToList();
            return tables.Count != 1
                ? [$"mart table {mart.Name} is loaded by {tables.Count} model tables"]
                : tables[0].Name == mart.DanishName ? [] : new[] { $"{tables[0]}: should be named '{mart.DanishName}' as in MartSchema" };
        }));
    }

    [Fact]
    public void Every_table_is_a_mart_table_or_one_of_the_calculated_model_tables()
    {
        NoFailures(Model.Tables.Where(t => MartTableOf(t) is null && !ModelOnlyTables.Contains(t.Name))
            .Select(t => $"{t}: neither a mart table (annotation MartTable) nor a known calculated table"));
        NoFailures(Model.Tables.Where(t => ModelOnlyTables.Contains(t.Name) && Partition(t).Expression != "calculated")
            .Select(t => $"{t}: a model-only table must be calculated in DAX"));
    }

    [Fact]
    public void Every_source_column_exists_in_its_mart_table_with_a_compatible_type_and_its_danish_name()
    {
        NoFailures(MartTables.SelectMany(p => p.Table.ChildrenOf("column").SelectMany(column =>
        {
            var source = column.Property("sourceColumn");
            if (source is null || column.Expression is not null)
            {
                return [$"{column}: a column of a mart table must load a sourceColumn, not be calculated"];
            }

            var mart = p.Mart.Columns.FirstOrDefault(c => c.Name == source);
            if (mart is null)
            {
                return [$"{column}: sourceColumn '{source}' is not a column of {p.Mart.Name}"];
            }

            var problems = new List<string>();
            if (column.Property("dataType") != TmdlDataType(mart.Type))
            {
                problems.Add($"{column}: dataType {column.Property("dataType")} does not fit mart type {mart.Type} (expected {TmdlDataType(mart.Type)})");
            }

            if (column.Name != mart.DanishName)
            {
                problems.Add($"{column}: should be named '{mart.DanishName}' as in MartSchema");
            }

            return problems;
        })));
    }

    [Fact]
    public void Every_mart_column_is_loaded_by_the_model()
    {
        NoFailures(MartTables.SelectMany(p => p.Mart.Columns
            .Where(mc => !p.Table.ChildrenOf("column").Any(c => c.Property("sourceColumn") == mc.Name))
            .Select(mc => $"{p.Mart.Name}.{mc.Name} ({mc.Type}) has no column in model table '{p.Table.Name}'")));
    }

    [Fact]
    public void Every_table_has_one_import_partition_and_mart_tables_read_from_azure_sql_or_parquet_by_the_source_parameter()
    {
        NoFailures(Model.Tables.SelectMany(table =>
        {
            var partitions = table.ChildrenOf("partition").ToList();
            if (partitions.Count != 1)
            {
                return [$"{table}: {partitions.Count} partitions; Desktop supports exactly one"];
            }

            var partition = partitions[0];
            var problems = new List<string>();
            if (partition.Property("mode") != "import")
            {
                problems.Add($"{partition}: mode must be import");
            }

            if (!partition.ExpressionProperties.TryGetValue("source", out var source))
            {
                return [.. problems, $"{partition}: has no source"];
            }

            var mart = MartTableOf(table);
            if (mart is not null)
            {
                if (partition.Expression != "m")
                {
                    problems.Add($"{partition}: a mart table must be loaded by Power Query (= m)");
                }

                // The schema and file names come from the code that writes them, so a change there fails here.
                string[] expected =
                [
                    $"Sql.Database(SqlServer, SqlDatabase){{[Schema = \"{MartSqlScripts.MartSchemaName}\", Item = \"{mart.Name}\"]}}[Data]",
                    $"Parquet.Document(File.Contents(ParquetFolder & \"\\{MartPaths.TableFile(mart.Name)}\"))",
                    "if Kilde = \"AzureSql\" then",
                    "else if Kilde = \"Parquet\" then",
                ];
                problems.AddRange(expected.Where(e => !source.Contains(e, StringComparison.Ordinal))
                    .Select(e => $"{partition}: the source query lacks `{e}`"));
            }

            return problems;
        }));
    }

    [Fact]
    public void Every_mart_partition_selects_and_types_exactly_the_columns_the_model_loads()
    {
        NoFailures(MartTables.SelectMany(p =>
        {
            var source = Partition(p.Table).ExpressionProperties["source"];
            var loaded = p.Table.ChildrenOf("column").Select(c => c.Property("sourceColumn")!).ToHashSet();
            var problems = new List<string>();

            var select = SelectColumnsCall().Match(source);
            var selected = select.Success ? QuotedText().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet() : [];
            if (!selected.SetEquals(loaded))
            {
                problems.Add($"{p.Table}: Table.SelectColumns lists [{string.Join(", ", selected.Order())}], the model loads [{string.Join(", ", loaded.Order())}]");
            }

            var typed = TypePair().Matches(source).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
            foreach (var column in p.Mart.Columns.Where(c => loaded.Contains(c.Name)))
            {
                if (!typed.TryGetValue(column.Name, out var mType) || mType != MType(column.Type))
                {
                    problems.Add($"{p.Table}: Table.TransformColumnTypes should type {column.Name} as {MType(column.Type)}, found {mType ?? "nothing"}");
                }
            }

            return problems;
        }));
    }

    [Fact]
    public void Every_relationship_joins_existing_columns_of_the_same_type_from_a_fact_to_a_unique_dimension_key()
    {
        NoFailures(Model.Relationships.SelectMany(r =>
        {
            var (fromTable, fromColumn) = TmdlReader.ReadColumnReference(r.Property("fromColumn") ?? "", r.Where);
            var (toTable, toColumn) = TmdlReader.ReadColumnReference(r.Property("toColumn") ?? "", r.Where);
            var from = Model.Column(fromTable, fromColumn);
            var to = Model.Column(toTable, toColumn);
            if (from is null || to is null)
            {
                return [$"{r}: {(from is null ? $"{fromTable}.{fromColumn}" : $"{toTable}.{toColumn}")} does not exist"];
            }

            var problems = new List<string>();
            if (from.Property("dataType") != to.Property("dataType"))
            {
                problems.Add($"{r}: {from.Property("dataType")} joined to {to.Property("dataType")}");
            }

            var toMart = MartTableOf(Model.Table(toTable)!);
            var unique = toMart is null
                ? toTable == "År"
                : toMart.Keys.Count() == 1 && toMart.Keys.Single().Name == to.Property("sourceColumn");
            if (!unique)
            {
                problems.Add($"{r}: {toTable}.{toColumn} is not the single key of a dimension");
            }

            if (r.Properties.Keys.Any(k => k is "crossFilteringBehavior" or "fromCardinality" or "toCardinality"))
            {
                problems.Add($"{r}: the star is many-to-one and single direction; leave the defaults");
            }

            return problems;
        }));
    }

    [Theory]
    [InlineData("fact_cashflow", "municipality_code", "dim_municipality")]
    [InlineData("fact_cashflow", "case_id", "dim_case")]
    [InlineData("fact_cashflow", "scenario_id", "dim_scenario")]
    [InlineData("fact_cashflow", "line_code", "dim_line_item")]
    [InlineData("fact_cashflow", "run_id", "run_manifest")]
    [InlineData("fact_case_result", "municipality_code", "dim_municipality")]
    [InlineData("fact_case_result", "case_id", "dim_case")]
    [InlineData("fact_case_result", "scenario_id", "dim_scenario")]
    [InlineData("fact_self_supporting", "municipality_code", "dim_municipality")]
    [InlineData("fact_self_supporting", "case_id", "dim_case")]
    [InlineData("fact_self_supporting", "scenario_id", "dim_scenario")]
    [InlineData("fact_target_group", "municipality_code", "dim_municipality")]
    [InlineData("fact_uncertainty", "municipality_code", "dim_municipality")]
    [InlineData("fact_uncertainty", "case_id", "dim_case")]
    [InlineData("fact_uncertainty", "scenario_id", "dim_scenario")]
    [InlineData("fact_uncertainty", "run_id", "run_manifest")]
    [InlineData("dim_scenario_intake", "scenario_id", "dim_scenario")]
    [InlineData("dim_scenario_intake", "municipality_code", "dim_municipality")]
    [InlineData("dim_scenario_intake", "case_id", "dim_case")]
    public void The_star_relates_each_fact_to_its_dimensions(string fact, string column, string dimension)
    {
        var f = MartSchema.Table(fact);
        var d = MartSchema.Table(dimension);
        var expected = ($"{f.DanishName}.{f.Column(column).DanishName}", $"{d.DanishName}.{d.Keys.Single().DanishName}");

        Assert.Contains(expected, Model.Relationships.Select(r =>
        {
            var from = TmdlReader.ReadColumnReference(r.Property("fromColumn")!, r.Where);
            var to = TmdlReader.ReadColumnReference(r.Property("toColumn")!, r.Where);
            return ($"{from.Table}.{from.Column}", $"{to.Table}.{to.Column}");
        }));
    }

    [Fact]
    public void Yearly_facts_are_related_to_the_year_dimension()
    {
        var years = Model.Relationships.Where(r => r.Property("toColumn") == "År.År")
            .Select(r => TmdlReader.ReadColumnReference(r.Property("fromColumn")!, r.Where).Table).Order().ToList();

        Assert.Equal(new[] { MartSchema.FactCashflow.DanishName, MartSchema.FactSelfSupporting.DanishName, MartSchema.DimScenarioIntake.DanishName }.Order(), years);
    }

    [Fact]
    public void Every_key_column_is_hidden()
    {
        NoFailures(MartTables.SelectMany(p => p.Table.ChildrenOf("column")
            .Where(c => p.Mart.Columns.Any(mc => mc.IsKey && mc.Name == c.Property("sourceColumn")) && !c.Has("isHidden"))
            .Select(c => $"{c}: key column {c.Property("sourceColumn")} must be hidden")));
    }

    [Fact]
    public void Codes_ids_years_periods_and_sort_orders_are_never_summarised()
    {
        static bool IsCodeOrYear(TmdlNode column, MartTable? mart)
        {
            var source = column.Property("sourceColumn") ?? "";
            return (mart?.Columns.Any(mc => mc.IsKey && mc.Name == source) ?? false)
                || CodeOrYearName().IsMatch(source) || column.Name == "År";
        }

        var checkedColumns = Model.Tables.SelectMany(t => t.ChildrenOf("column").Where(c => IsCodeOrYear(c, MartTableOf(t)))).ToList();
        Assert.True(checkedColumns.Count > 20, "expected the keys, codes and years of every table");
        NoFailures(checkedColumns.Where(c => c.Property("summarizeBy") != "none")
            .Select(c => $"{c}: a code or year needs summarizeBy: none, found {c.Property("summarizeBy") ?? "the default (sum)"}"));
    }

    [Fact]
    public void Money_columns_are_fixed_decimal_with_a_kroner_format()
    {
        var money = MartTables.SelectMany(p => p.Table.ChildrenOf("column")
            .Where(c => p.Mart.Columns.Any(mc => mc.Type == MartType.Money && mc.Name == c.Property("sourceColumn")))).ToList();

        Assert.NotEmpty(money);
        NoFailures(money.Where(c => c.Property("dataType") != "decimal" || !(c.Property("formatString") ?? "").Contains("kr.", StringComparison.Ordinal))
            .Select(c => $"{c}: money must be dataType decimal with a kroner format string"));
    }

    [Fact]
    public void Every_measure_has_a_format_string_and_a_description()
    {
        Assert.NotEmpty(Model.Measures);
        NoFailures(Model.Measures.SelectMany(m => new[]
        {
            string.IsNullOrWhiteSpace(m.Property("formatString")) ? $"{m}: no formatString" : null,
            string.IsNullOrWhiteSpace(m.Description) ? $"{m}: no description (///)" : null,
        }.OfType<string>()));
    }

    [Fact]
    public void Every_visible_table_column_and_measure_has_a_description()
    {
        var visible = Model.Tables.Where(t => !t.Has("isHidden"))
            .Concat(Model.Tables.SelectMany(t => t.Children.Where(c => c.Kind is "column" or "measure" && !c.Has("isHidden"))));

        NoFailures(visible.Where(n => string.IsNullOrWhiteSpace(n.Description)).Select(n => $"{n}: visible but has no description"));
    }

    [Fact]
    public void Every_sort_by_column_exists_in_its_table_and_line_items_sort_by_their_sort_order()
    {
        NoFailures(Model.Tables.SelectMany(t => t.ChildrenOf("column")
            .Where(c => c.Property("sortByColumn") is { } s && Model.Column(t.Name, s.Trim('\'')) is null)
            .Select(c => $"{c}: sortByColumn {c.Property("sortByColumn")} is not a column of {t.Name}")));

        var lineItems = Model.Table(MartSchema.DimLineItem.DanishName)!;
        var label = lineItems.ChildrenOf("column").Single(c => c.Property("sourceColumn") == "label");
        var sortOrder = lineItems.ChildrenOf("column").Single(c => c.Property("sourceColumn") == "sort_order");
        Assert.Equal(sortOrder.Name, label.Property("sortByColumn")?.Trim('\''));
    }

    [Fact]
    public void Every_enumerated_property_has_a_value_tmdl_knows()
    {
        string[] dataTypes = ["string", "int64", "decimal", "double", "dateTime", "boolean"];
        string[] summarizeBy = ["none", "sum", "min", "max", "count", "average", "distinctCount"];
        var columns = Model.Columns.ToList();

        NoFailures(columns.Where(c => !dataTypes.Contains(c.Property("dataType"))).Select(c => $"{c}: dataType '{c.Property("dataType")}'")
            .Concat(columns.Where(c => c.Property("summarizeBy") is { } v && !summarizeBy.Contains(v)).Select(c => $"{c}: summarizeBy '{c.Property("summarizeBy")}'"))
            .Concat(Model.Tables.Select(Partition).Where(p => p.Expression is not ("m" or "calculated")).Select(p => $"{p}: partition type '{p.Expression}'"))
            .Concat(Model.Tables.Select(Partition).Where(p => p.Property("mode") is not "import").Select(p => $"{p}: mode '{p.Property("mode")}'")));
    }

    [Fact]
    public void The_model_is_danish_and_discourages_implicit_measures()
    {
        Assert.Equal("da-DK", Model.Model.Property("culture"));
        Assert.True(Model.Model.Has("discourageImplicitMeasures"));
        Assert.True(int.Parse(Model.Database.Property("compatibilityLevel")!, System.Globalization.CultureInfo.InvariantCulture) >= 1550);
    }

    [Fact]
    public void Model_tmdl_references_every_table_and_each_table_lives_in_its_own_file()
    {
        Assert.Equal(Model.Tables.Select(t => t.Name).Order(), Model.TableRefs.Order());
        NoFailures(Model.Tables.Where(t => t.File != Path.Combine("tables", t.Name + ".tmdl"))
            .Select(t => $"{t}: should be in tables/{t.Name}.tmdl"));
    }

    [Theory]
    [InlineData("Nettoeffekt")]
    [InlineData("Akkumuleret nettoeffekt")]
    [InlineData("Investering")]
    [InlineData("Gevinst pr. investeret krone")]
    [InlineData("Tilbagebetalingstid (måneder)")]
    [InlineData("Ekstra selvforsørgende")]
    [InlineData("Nettoeffekt pr. 1.000 indbyggere")]
    [InlineData("Nutidsværdi")]
    [InlineData("Nettoeffekt P10")]
    [InlineData("Nettoeffekt P50")]
    [InlineData("Nettoeffekt P90")]
    [InlineData("Spænd P10–P90")]
    [InlineData("Sandsynlighed for gevinst")]
    [InlineData("Andel tilbagebetalt i horisonten")]
    [InlineData("Tilgang (personer)")]
    [InlineData("Antal hold")]
    [InlineData("Tilgangsplaner")]
    public void The_measures_table_has_the_measure(string name)
    {
        var measure = Model.Measure("Målinger", name);

        Assert.NotNull(measure);
        Assert.False(string.IsNullOrWhiteSpace(measure.Expression));
    }

    [Fact]
    public void The_measures_table_holds_only_measures_and_a_hidden_placeholder_column()
    {
        var table = Model.Table("Målinger")!;

        Assert.All(table.ChildrenOf("column"), c => Assert.True(c.Has("isHidden"), $"{c} must be hidden"));
        Assert.True(table.ChildrenOf("measure").Count() >= 8);
    }

    [Fact]
    public void The_present_value_discounts_yearly_net_effects_with_a_what_if_discount_rate()
    {
        var parameter = Model.Table("Diskonteringsrente")!;
        var series = Partition(parameter).ExpressionProperties["source"];
        var selected = Assert.Single(parameter.ChildrenOf("measure"));
        var npv = Model.Measure("Målinger", "Nutidsværdi")!;

        Assert.Contains("GENERATESERIES", series, StringComparison.Ordinal);
        Assert.Contains("SELECTEDVALUE ( 'Diskonteringsrente'[Diskonteringsrente]", selected.Expression, StringComparison.Ordinal);
        Assert.Contains($"[{selected.Name}]", npv.Expression, StringComparison.Ordinal);
        Assert.Contains("POWER ( 1 + _rente, 'År'[År] - 1 )", npv.Expression, StringComparison.Ordinal);
        Assert.Contains("[Nettoeffekt]", npv.Expression, StringComparison.Ordinal);
    }

    /// <summary>
    /// The uncertainty measures read fact_uncertainty's own columns: each percentile or share measure the mart column
    /// it is named for (by the model column's sourceColumn), only where one row is in context (a percentile of a sum is
    /// not a sum of percentiles), and the P10-P90 range is P90 minus P10 of the same row.
    /// </summary>
    [Theory]
    [InlineData("Nettoeffekt P10", "net_effect_p10")]
    [InlineData("Nettoeffekt P50", "net_effect_p50")]
    [InlineData("Nettoeffekt P90", "net_effect_p90")]
    [InlineData("Sandsynlighed for gevinst", "probability_net_positive")]
    [InlineData("Andel tilbagebetalt i horisonten", "payback_within_horizon_share")]
    public void An_uncertainty_measure_shows_its_fact_uncertainty_column_for_one_municipality_and_case(string measure, string martColumn)
    {
        var table = Model.Table(MartSchema.FactUncertainty.DanishName)!;
        var column = table.ChildrenOf("column").Single(c => c.Property("sourceColumn") == martColumn);
        var m = Model.Measure("Målinger", measure)!;

        Assert.Equal(MartSchema.FactUncertainty.Column(martColumn).DanishName, column.Name);
        Assert.Equal($"IF ( COUNTROWS ( '{table.Name}' ) = 1, MAX ( '{table.Name}'[{column.Name}] ) )", m.Expression);
        Assert.Equal(column.Property("formatString") == "0.0 %" ? "0.0 %" : "#,0 \"kr.\";-#,0 \"kr.\";0 \"kr.\"", m.Property("formatString"));
        Assert.Equal("Usikkerhed", m.Property("displayFolder"));
        Assert.Contains("én kommune og én case", m.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_P10_P90_range_is_P90_minus_P10()
    {
        Assert.Equal("[Nettoeffekt P90] - [Nettoeffekt P10]", Model.Measure("Målinger", "Spænd P10–P90")!.Expression);
    }

    [Fact]
    public void Every_DAX_reference_names_an_existing_table_column_or_measure()
    {
        var measures = Model.Measures.Select(m => m.Name).ToHashSet();
        var columns = Model.Columns.Select(c => c.Name).ToHashSet();
        var daxSources = Model.Tables.SelectMany(t => t.Children
                .Where(c => c.Kind is "measure" || (c.Kind is "column" && c.Expression is not null))
                .Select(c => (Owner: c, Dax: c.Expression!)))
            .Concat(Model.Tables.Select(Partition).Where(p => p.Expression == "calculated")
                .Select(p => (Owner: p, Dax: p.ExpressionProperties["source"])))
            .ToList();

        Assert.True(daxSources.Count > 10);
        NoFailures(daxSources.SelectMany(s =>
        {
            IReadOnlyList<DaxReference> refs;
            IReadOnlyList<string> literals;
            try
            {
                (refs, literals) = DaxReferences.Scan(s.Dax);
            }
            catch (FormatException e)
            {
                return [$"{s.Owner}: {e.Message}"];
            }

            return refs.Select(r => r switch
            {
                { Table: { } t, Name: null } when Model.Table(t) is null => $"{s.Owner}: table '{t}' does not exist",
                { Table: { } t, Name: { } n } when Model.Column(t, n) is null && Model.Measure(t, n) is null => $"{s.Owner}: '{t}'[{n}] does not exist",
                { Table: null, Name: { } n } when !measures.Contains(n) && !columns.Contains(n) && !literals.Contains(n) && n != "Value" => $"{s.Owner}: [{n}] is neither a measure nor a column",
                _ => null,
            }).OfType<string>();
        }));
    }

    [Fact]
    public void The_source_parameters_switch_between_azure_sql_and_parquet()
    {
        string Parameter(string name) => Assert.Single(Model.Expressions, e => e.Name == name).Expression!;

        Assert.Matches(@"^""Parquet"" meta \[IsParameterQuery = true, List = \{""AzureSql"", ""Parquet""\}", Parameter("Kilde"));
        foreach (var name in new[] { "SqlServer", "SqlDatabase", "ParquetFolder", "ScenarieApiUrl" })
        {
            Assert.Matches(@"^"".+"" meta \[IsParameterQuery = true, Type = ""Text"", IsParameterQueryRequired = true\]$", Parameter(name));
        }

        var api = Parameter("BeregnScenarie");
        Assert.Contains("RelativePath = \"api/scenarios/evaluate\"", api, StringComparison.Ordinal);
        Assert.Contains("ApiKeyName = \"code\"", api, StringComparison.Ordinal);
        Assert.Contains("Query = Parametre", api, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Table\.SelectColumns\(\s*\w+\s*,\s*\{([^}]*)\}\s*\)")]
    private static partial Regex SelectColumnsCall();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\{\s*""(\w+)""\s*,\s*([A-Za-z0-9. ]+?)\s*\}")]
    private static partial Regex TypePair();

    [GeneratedRegex(@"(_code|_id|^year$|^period$|^sort_order$|_month$)")]
    private static partial Regex CodeOrYearName();
}
