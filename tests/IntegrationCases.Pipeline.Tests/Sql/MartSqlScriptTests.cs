using IntegrationCases.Pipeline.Mart;
using IntegrationCases.Pipeline.Sql;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IntegrationCases.Pipeline.Tests.Sql;

/// <summary>Every T-SQL text the loader sends parses as SQL Server 2022 / Azure SQL T-SQL (ScriptDom, TSql160Parser).</summary>
public sealed class MartSqlScriptTests
{
    public static TheoryData<string> ScriptNames() => [.. MartSqlScripts.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void The_script_parses_without_errors(string name)
    {
        var sql = MartSqlScripts.All().Single(s => s.Name == name).Sql;
        var fragment = Parse(sql, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{name} line {e.Line}: {e.Message}")));
        Assert.NotEmpty(((TSqlScript)fragment).Batches);
    }

    [Fact]
    public void The_DDL_creates_every_schema_table_with_its_columns_types_and_key()
    {
        var ddl = string.Join("\n", MartSqlScripts.Migrations().Select(m => m.Sql));
        var script = (TSqlScript)Parse(ddl, out _);
        var statements = script.Batches.SelectMany(b => b.Statements).ToList();
        var creates = statements.OfType<CreateTableStatement>().ToList();
        var adds = statements.OfType<AlterTableAddTableElementStatement>().ToList();
        foreach (var schema in new[] { MartSqlScripts.MartSchemaName, MartSqlScripts.StagingSchemaName })
        {
            foreach (var table in MartSchema.Tables)
            {
                bool Names(SchemaObjectName n) => n.SchemaIdentifier.Value == schema && n.BaseIdentifier.Value == table.Name;
                var create = creates.Single(c => Names(c.SchemaObjectName));

                // The table as the migrations leave it: created, then any columns later scripts added, in order.
                var columns = create.Definition.ColumnDefinitions
                    .Concat(adds.Where(a => Names(a.SchemaObjectName)).SelectMany(a => a.Definition.ColumnDefinitions)).ToList();
                Assert.Equal(table.Columns.Select(c => c.Name), columns.Select(c => c.ColumnIdentifier.Value));
                foreach (var (column, definition) in table.Columns.Zip(columns))
                {
                    var type = (SqlDataTypeReference)definition.DataType;
                    var expected = column.Type switch
                    {
                        MartType.Text => SqlDataTypeOption.NVarChar,
                        MartType.Int32 => SqlDataTypeOption.Int,
                        MartType.Money => SqlDataTypeOption.Decimal,
                        MartType.Double => SqlDataTypeOption.Float,
                        MartType.Date => SqlDataTypeOption.Date,
                        _ => SqlDataTypeOption.DateTime2,
                    };
                    Assert.Equal(expected, type.SqlDataTypeOption);
                    if (column.Type == MartType.Money)
                    {
                        Assert.Equal(["18", "2"], type.Parameters.Select(p => p.Value));
                    }

                    var notNull = definition.Constraints.OfType<NullableConstraintDefinition>().Single();
                    Assert.Equal(column.Nullable, notNull.Nullable);
                }

                var key = create.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().SingleOrDefault(u => u.IsPrimaryKey);
                if (schema == MartSqlScripts.MartSchemaName)
                {
                    Assert.Equal(table.Keys.Select(k => k.Name), key!.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers.Last().Value));
                }
                else
                {
                    Assert.Null(key);
                }
            }
        }
    }

    [Fact]
    public void Migration_0005_adds_is_plan_with_a_default_for_the_rows_already_there_and_creates_the_intake_table_in_both_schemas()
    {
        var (name, sql) = MartSqlScripts.Migrations()[4];
        Assert.Equal("0005_scenario_intake", name);
        var statements = ((TSqlScript)Parse(sql, out var errors)).Batches.SelectMany(b => b.Statements).ToList();
        Assert.Empty(errors);

        var adds = statements.OfType<AlterTableAddTableElementStatement>().ToList();
        Assert.Equal([MartSqlScripts.MartSchemaName, MartSqlScripts.StagingSchemaName], adds.Select(a => a.SchemaObjectName.SchemaIdentifier.Value));
        Assert.All(adds, a =>
        {
            var column = Assert.Single(a.Definition.ColumnDefinitions);
            Assert.Equal(("dim_scenario", "is_plan"), (a.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value));
            Assert.Equal("0", ((IntegerLiteral)((ParenthesisExpression)column.DefaultConstraint.Expression).Expression).Value);
        });
        Assert.Equal(
            [(MartSqlScripts.MartSchemaName, "dim_scenario_intake"), (MartSqlScripts.StagingSchemaName, "dim_scenario_intake")],
            statements.OfType<CreateTableStatement>().Select(c => (c.SchemaObjectName.SchemaIdentifier.Value, c.SchemaObjectName.BaseIdentifier.Value)));
    }

    [Fact]
    public void A_migration_once_released_is_never_edited()
    {
        // SHA-256 of each script as released; a schema change adds a script instead (docs/mart.md).
        string[] released =
        [
            "0001_create_schemas 75123a1a010b4605eccbcd665fa5fd1c6f6ea4e81a620a5cc5b07df7d980de50",
            "0002_create_mart_tables d634a9aea4fbbd04ff7d7322d79f5863a4273c127580441d5b6b910daa4787ba",
            "0003_create_staging_tables f2106bd2bad91292960267030731132b1f906b716c8081a7fb9210b0f327e16f",
            "0004_create_dim_parameter e440d1dd0d9ba1630e7c2ac02aaa7ac1ef20d1f339f40d0d7c308495ae31dd86",
            "0005_scenario_intake 616a30e20620c0ed82f0c217e72bffbee77f6e6b47dfbfefed2112aa322e69ea",
            "0006_create_fact_uncertainty 430103d3487f67b8e86d8220aa9634e2ec2ac306dd08e5a2b54241aa5fcd5b9b",
        ];
        var now = MartSqlScripts.Migrations().Select(m => $"{m.Name} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Sql)))}");
        Assert.Equal(released, now.Take(released.Length));
    }

    [Fact]
    public void The_swap_replaces_every_mart_table_from_staging_and_keeps_earlier_run_manifests()
    {
        var script = (TSqlScript)Parse(MartSqlScripts.Swap(), out _);
        var statements = script.Batches.SelectMany(b => b.Statements).ToList();
        var inserts = statements.OfType<InsertStatement>().ToList();
        Assert.Equal(MartSchema.Tables.Select(t => t.Name), inserts.Select(i => ((NamedTableReference)i.InsertSpecification.Target).SchemaObject.BaseIdentifier.Value));
        var deletes = statements.OfType<DeleteStatement>().ToList();
        Assert.Equal(MartSchema.Tables.Count, deletes.Count);
        var manifestDelete = deletes.Single(d => ((NamedTableReference)d.DeleteSpecification.Target).SchemaObject.BaseIdentifier.Value == "run_manifest");
        Assert.NotNull(manifestDelete.DeleteSpecification.WhereClause);
        Assert.All(deletes.Where(d => d != manifestDelete), d => Assert.Null(d.DeleteSpecification.WhereClause));
    }

    [Fact]
    public void Identifiers_are_bracket_quoted_so_a_name_cannot_break_out()
    {
        Assert.Equal("[a]]b]", MartSqlScripts.Quote("a]b"));
    }

    [Fact]
    public void A_bulk_load_table_has_the_schema_columns_in_order_with_CLR_types_SqlBulkCopy_maps()
    {
        var data = Support.SampleMart.Build()[MartSchema.FactCashflow.Name];
        using var table = MartSqlLoader.ToDataTable(data);
        Assert.Equal(MartSchema.FactCashflow.Columns.Select(c => c.Name), table.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName));
        Assert.Equal(data.Rows.Count, table.Rows.Count);
        Assert.Equal(typeof(decimal), table.Columns["baseline_amount"]!.DataType);
        Assert.Equal(data.Rows[0][7], table.Rows[0]["baseline_amount"]);
    }

    private static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }
}
