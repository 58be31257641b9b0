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
        var creates = script.Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>().ToList();
        foreach (var schema in new[] { MartSqlScripts.MartSchemaName, MartSqlScripts.StagingSchemaName })
        {
            foreach (var table in MartSchema.Tables)
            {
                var create = creates.Single(c => c.SchemaObjectName.SchemaIdentifier.Value == schema && c.SchemaObjectName.BaseIdentifier.Value == table.Name);
                var columns = create.Definition.ColumnDefinitions;
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
