using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.CompiledModel;

namespace OrgTracker.Tests.Data;

/// <summary>
/// The member import command starts from EF Core's compiled model (Data/CompiledModel). It must describe the same
/// database as the model the code builds: after a change of the model, scripts/ef-compiled-model.sh writes it again.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class CompiledModelTests(AppFactory app)
{
    [Fact]
    public async Task The_compiled_model_describes_the_same_tables_columns_keys_and_indexes_as_the_code()
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var compiled = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>(options).UseModel(AppDbContextModel.Instance).Options);
        var built = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.NotSame(built.Model, compiled.Model);
        Assert.Equal(built.Model.GetEntityTypes().Select(e => e.Name).Order(), compiled.Model.GetEntityTypes().Select(e => e.Name).Order());
        // The migrations' differ cannot read a compiled (read-optimised) model; its tables can be read and compared.
        Assert.Equal(Describe(built.GetService<IDesignTimeModel>().Model.GetRelationalModel()), Describe(compiled.Model.GetRelationalModel()));
        // And it answers queries as the built one does.
        Assert.Equal(await built.Territories.CountAsync(t => t.Level == OrgTracker.Web.Domain.TerritoryLevel.State),
            await compiled.Territories.CountAsync(t => t.Level == OrgTracker.Web.Domain.TerritoryLevel.State));
    }

    /// <summary>Every table: its columns (type, nullability), primary key, unique constraints, foreign keys and indexes.</summary>
    private static List<string> Describe(IRelationalModel model) =>
        model.Tables.OrderBy(t => t.Name).SelectMany(t => new[] { $"table {t.Name}" }
            .Concat(t.Columns.OrderBy(c => c.Name).Select(c => $"  column {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"))
            .Append($"  key {string.Join(",", t.PrimaryKey?.Columns.Select(c => c.Name) ?? [])}")
            .Concat(t.UniqueConstraints.Select(u => $"  unique {string.Join(",", u.Columns.Select(c => c.Name))}").Order())
            .Concat(t.ForeignKeyConstraints.Select(f => $"  foreign {string.Join(",", f.Columns.Select(c => c.Name))} -> {f.PrincipalTable.Name}({string.Join(",", f.PrincipalColumns.Select(c => c.Name))}) {f.OnDeleteAction}").Order())
            .Concat(t.Indexes.Select(i => $"  index {i.Name} {string.Join(",", i.Columns.Select(c => c.Name))} {(i.IsUnique ? "unique" : "")} {i.Filter}").Order()))
            .ToList();
}
