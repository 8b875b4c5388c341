using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OrgTracker.Web.Platform;

/// <summary>What kind of database failure an exception is, as far as a page needs to know to answer the user.</summary>
public enum DatabaseErrorKind
{
    /// <summary>Not a database failure this layer translates.</summary>
    None,
    UniqueViolation,
    ForeignKeyViolation,
    CheckViolation,
    NotNullViolation,
    /// <summary>A serialization failure or a deadlock: the same work may succeed when tried again.</summary>
    SerializationFailure,
    /// <summary>An optimistic concurrency check failed: someone else saved the record since it was read.</summary>
    Concurrency,
}

/// <summary>
/// One classification of database failures, so that no page tells PostgreSQL errors apart by their codes.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Constraint">The constraint (or unique index) that refused the change, when PostgreSQL names one.</param>
public readonly record struct DatabaseError(DatabaseErrorKind Kind, string? Constraint = null)
{
    public static readonly DatabaseError None = new(DatabaseErrorKind.None);

    /// <summary>Classifies an exception from a save or a query: the exception itself or any exception inside it.</summary>
    public static DatabaseError From(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException) return new(DatabaseErrorKind.Concurrency);
            if (e is PostgresException pg)
            {
                var kind = pg.SqlState switch
                {
                    PostgresErrorCodes.UniqueViolation => DatabaseErrorKind.UniqueViolation,
                    PostgresErrorCodes.ForeignKeyViolation => DatabaseErrorKind.ForeignKeyViolation,
                    PostgresErrorCodes.CheckViolation => DatabaseErrorKind.CheckViolation,
                    PostgresErrorCodes.NotNullViolation => DatabaseErrorKind.NotNullViolation,
                    PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => DatabaseErrorKind.SerializationFailure,
                    _ => DatabaseErrorKind.None,
                };
                return kind == DatabaseErrorKind.None ? None : new(kind, pg.ConstraintName);
            }
        }
        return None;
    }

    public bool IsUniqueViolation => Kind == DatabaseErrorKind.UniqueViolation;

    /// <summary>A violation of the data's own rules (unique, foreign key, check, not null): retrying will not help.</summary>
    public bool IsConstraintViolation => Kind is DatabaseErrorKind.UniqueViolation or DatabaseErrorKind.ForeignKeyViolation
        or DatabaseErrorKind.CheckViolation or DatabaseErrorKind.NotNullViolation;

    /// <summary>Whether this failure is the given constraint refusing the change.</summary>
    public bool Is(DatabaseErrorKind kind, string constraint) => Kind == kind && Constraint == constraint;
}

/// <summary>A form field and the message (an English resource key) shown beside it when a constraint refuses a save.</summary>
public sealed record ConstraintMessage(string Field, string Message);

/// <summary>
/// The one map from database constraint to what the user is told, and beside which field. Pages that post these
/// fields name them the same way (<c>Input.Mobile</c>, ...); a constraint not listed here gets the general message.
/// </summary>
public static class ConstraintMessages
{
    private static readonly Dictionary<string, ConstraintMessage> ByConstraint = new(StringComparer.Ordinal)
    {
        ["ix_people_mobile"] = new("Input.Mobile", PeopleQueries.MobileUnavailable),
        ["ix_territories_assembly_constituency_id_part_number"] = new("Input.PartNumber", "This constituency already has a booth with this part number."),
        ["UserNameIndex"] = new("Input.Email", "A user with this email already exists."),
        ["ux_appointments_current"] = new("", "This person already holds this post here."),
        ["ix_reports_district_id_period_revision"] = new("", "Someone else saved this report while you were editing it."),
    };

    /// <summary>The field and message for a constraint, or null when it is not one users are expected to meet.</summary>
    public static ConstraintMessage? For(string? constraint) =>
        constraint is not null && ByConstraint.TryGetValue(constraint, out var m) ? m : null;

    /// <summary>The message for a constraint violation that has no field of its own, by kind.</summary>
    public static string General(DatabaseErrorKind kind) => kind switch
    {
        DatabaseErrorKind.UniqueViolation => "This record already exists: someone may have saved the same thing a moment ago. Nothing was saved.",
        DatabaseErrorKind.ForeignKeyViolation => "Something this form refers to no longer exists (someone may have removed it meanwhile). Nothing was saved; reload the page and try again.",
        DatabaseErrorKind.SerializationFailure => "Someone else was saving related data at the same moment. Nothing was saved; please try again.",
        _ => "The values entered break one of the rules for this record. Nothing was saved; check them and try again.",
    };
}
