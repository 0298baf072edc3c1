using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Payung.Tests.Infrastructure;

/// <summary>
/// The schema comes from SQL migrations, the EF model from code; this proves they agree for every
/// DbContext the application registers, so a forgotten migration or mapping fails here, not in production.
/// </summary>
public sealed class EfModelMatchesSchemaTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    public static TheoryData<string> ContextTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AppDbContextTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> AppDbContextTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Concat(typeof(Program).Assembly.GetReferencedAssemblies()
                .Where(a => a.Name!.StartsWith("Payung.", StringComparison.Ordinal))
                .Select(System.Reflection.Assembly.Load))
            .Where(a => a.GetName().Name!.StartsWith("Payung.", StringComparison.Ordinal))
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract)
            .OrderBy(t => t.FullName);

    [Fact]
    public void EveryModuleDbContextIsChecked() =>
        Assert.Contains(AppDbContextTypes(), t => t.Name == "RegionsDbContext");

    [Theory]
    [MemberData(nameof(ContextTypes))]
    public async Task EveryMappedColumnExistsWithTheSameTypeAndNullability(string contextTypeName)
    {
        var contextType = AppDbContextTypes().Single(t => t.FullName == contextTypeName);
        using var scope = factory.Services.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var problems = new List<string>();

        foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = await ReadColumnsAsync(entity.GetSchema() ?? "public", entity.GetTableName()!);
            if (columns.Count == 0)
            {
                problems.Add($"{table.DisplayName()}: table missing");
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(table)!;
                if (name == "xmin")
                {
                    continue; // PostgreSQL's system column, used as a concurrency token
                }

                if (!columns.TryGetValue(name, out var column))
                {
                    problems.Add($"{table.DisplayName()}.{name}: column missing");
                    continue;
                }

                var expectedType = property.GetColumnType(table);
                if (!SameType(expectedType, column.Type))
                {
                    problems.Add($"{table.DisplayName()}.{name}: model {expectedType}, database {column.Type}");
                }

                if (property.IsNullable != column.Nullable)
                {
                    problems.Add($"{table.DisplayName()}.{name}: model nullable={property.IsNullable}, database nullable={column.Nullable}");
                }
            }

            var mapped = entity.GetProperties().Select(p => p.GetColumnName(table)).ToHashSet();
            foreach (var (name, column) in columns.Where(c => !mapped.Contains(c.Key)))
            {
                if (!column.Nullable && !column.HasDefault)
                {
                    problems.Add($"{table.DisplayName()}.{name}: required column not mapped, inserts would fail");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool SameType(string model, string database) =>
        Normalize(model) == Normalize(database);

    private static string Normalize(string type) => type.ToLowerInvariant() switch
    {
        "int" or "int4" => "integer",
        "int8" => "bigint",
        "bool" => "boolean",
        "timestamptz" => "timestamp with time zone",
        "varchar" => "character varying",
        var t => t,
    };

    private async Task<Dictionary<string, (string Type, bool Nullable, bool HasDefault)>> ReadColumnsAsync(string schema, string table)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull, a.atthasdef or a.attidentity <> ''
              from pg_attribute a
              join pg_class c on c.oid = a.attrelid
              join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = $1 and c.relname = $2 and a.attnum > 0 and not a.attisdropped
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = schema });
        cmd.Parameters.Add(new NpgsqlParameter { Value = table });
        var result = new Dictionary<string, (string, bool, bool)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
        }

        return result;
    }
}
