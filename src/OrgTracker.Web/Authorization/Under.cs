using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Npgsql;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// The one "under this territory" condition. A record lies under a territory when the record's ancestor column
/// for the territory's level equals the territory's id: <c>StateId</c>, <c>DivisionId</c>, <c>DistrictId</c>,
/// <c>BlockId</c>, <c>WardId</c> (booths of a ward) or <c>BoothId</c>. These are indexed equality filters
/// (docs/adr/0001-territory-tree.md): no join, no path prefix. A record type without the column for a level
/// has nothing under a territory of that level (an action item belongs to a district at most, so nothing of it
/// lies under a block). The same condition for hand-written SQL is <see cref="TerritorySql"/>; the user's scope
/// (<see cref="ScopeQueryExtensions.InScope{T}"/>) is this condition at the user's scope territory.
/// </summary>
public static class TerritoryFilter
{
    /// <summary>The name of a record's ancestor column for a level (null for none).</summary>
    public static string? ColumnName(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => nameof(IScoped.StateId),
        TerritoryLevel.Division => nameof(IScoped.DivisionId),
        TerritoryLevel.District => nameof(IScoped.DistrictId),
        TerritoryLevel.Block => nameof(Territory.BlockId),
        TerritoryLevel.Ward => nameof(Territory.WardId),
        TerritoryLevel.Booth => "BoothId",
        _ => null,
    };

    private static readonly ConcurrentDictionary<(Type, TerritoryLevel), PropertyInfo?> Columns = new();

    private static PropertyInfo? Column(Type type, TerritoryLevel level) => Columns.GetOrAdd((type, level), key =>
        ColumnName(key.Item2) is { } name && key.Item1.GetProperty(name) is { } p && (p.PropertyType == typeof(int) || p.PropertyType == typeof(int?))
            ? p : null);

    /// <summary>Records under the territory (level, id), as an expression EF Core translates to <c>column = @id</c>.</summary>
    public static Expression<Func<T, bool>> Condition<T>(TerritoryLevel level, int id)
    {
        var r = Expression.Parameter(typeof(T), "r");
        if (Column(typeof(T), level) is not { } column) return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), r);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(r, column), Parameter(id, column.PropertyType)), r);
    }

    /// <summary>Records that lie above the level (their column for it is empty): a state meeting seen from a division.</summary>
    public static Expression<Func<T, bool>> Above<T>(TerritoryLevel level)
    {
        var r = Expression.Parameter(typeof(T), "r");
        if (Column(typeof(T), level) is not { PropertyType: var type } column || type != typeof(int?))
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), r);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(r, column), Expression.Constant(null, type)), r);
    }

    /// <summary>
    /// A territory and everything under it (the node itself included): <c>column = @id OR id = @id</c>; a state's
    /// own <c>StateId</c> is its id, so a state needs no second test.
    /// </summary>
    public static Expression<Func<Territory, bool>> Subtree(TerritoryLevel level, int id) => level switch
    {
        TerritoryLevel.State => t => t.StateId == id,
        TerritoryLevel.Division => t => t.DivisionId == id || t.Id == id,
        TerritoryLevel.District => t => t.DistrictId == id || t.Id == id,
        TerritoryLevel.Block => t => t.BlockId == id || t.Id == id,
        TerritoryLevel.Ward => t => t.WardId == id || t.Id == id,
        TerritoryLevel.Booth => t => t.Id == id,
        _ => t => false,
    };

    /// <summary>The territories strictly below one (the node itself excluded).</summary>
    public static Expression<Func<Territory, bool>> Descendants(TerritoryLevel level, int id) => level switch
    {
        TerritoryLevel.State => t => t.StateId == id && t.Id != id,
        TerritoryLevel.Division => t => t.DivisionId == id,
        TerritoryLevel.District => t => t.DistrictId == id,
        TerritoryLevel.Block => t => t.BlockId == id,
        TerritoryLevel.Ward => t => t.WardId == id,
        _ => t => false,
    };

    /// <summary>Keeps the records under the territory (level, id).</summary>
    public static IQueryable<T> Under<T>(this IQueryable<T> query, TerritoryLevel level, int id) where T : IScoped =>
        query.Where(Condition<T>(level, id));

    /// <summary>Keeps the records under the territory.</summary>
    public static IQueryable<T> Under<T>(this IQueryable<T> query, Territory territory) where T : IScoped =>
        query.Under(territory.Level, territory.Id);

    /// <summary>Keeps the territory (level, id) and the territories under it.</summary>
    public static IQueryable<Territory> Under(this IQueryable<Territory> query, TerritoryLevel level, int id) =>
        query.Where(Subtree(level, id));

    /// <summary>Keeps the territory and the territories under it.</summary>
    public static IQueryable<Territory> Under(this IQueryable<Territory> query, Territory territory) =>
        query.Under(territory.Level, territory.Id);

    /// <summary>Keeps the territories strictly below the territory (level, id).</summary>
    public static IQueryable<Territory> Below(this IQueryable<Territory> query, TerritoryLevel level, int id) =>
        query.Where(Descendants(level, id));

    /// <summary>Keeps the territories strictly below the territory.</summary>
    public static IQueryable<Territory> Below(this IQueryable<Territory> query, Territory territory) =>
        query.Below(territory.Level, territory.Id);

    /// <summary><c>a || b</c> over one record.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    /// <summary><c>a &amp;&amp; b</c> over one record.</summary>
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    // A captured value, not a constant: EF Core sends it as a parameter, so one SQL text serves every territory.
    private sealed class Captured(int value) { public readonly int Value = value; }

    private static Expression Parameter(int id, Type type)
    {
        Expression value = Expression.Field(Expression.Constant(new Captured(id)), nameof(Captured.Value));
        return type == typeof(int) ? value : Expression.Convert(value, type);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A condition of hand-written SQL and the parameter it names.</summary>
public sealed record SqlCondition(string Sql, NpgsqlParameter Parameter)
{
    public override string ToString() => Sql;
}

/// <summary>
/// <see cref="TerritoryFilter"/> for hand-written SQL: the same indexed ancestor column compared with a parameter
/// (<c>b.district_id = @scope</c>). Column names come from the level, never from input.
/// </summary>
public static class TerritorySql
{
    /// <summary>The snake-case ancestor column for a level.</summary>
    public static string Column(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => "state_id",
        TerritoryLevel.Division => "division_id",
        TerritoryLevel.District => "district_id",
        TerritoryLevel.Block => "block_id",
        TerritoryLevel.Ward => "ward_id",
        TerritoryLevel.Booth => "booth_id",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary><c>alias.column = @parameterName</c> for the rows of <paramref name="alias"/> under the territory (level, id).</summary>
    public static SqlCondition Under(string alias, TerritoryLevel level, int id, string parameterName) =>
        new($"{alias}.{Column(level)} = @{parameterName}", new NpgsqlParameter(parameterName, NpgsqlTypes.NpgsqlDbType.Integer) { Value = id });
}
