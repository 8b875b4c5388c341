using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Platform.Imports;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.OfficeBearers;

public sealed record OfficeBearerImportResult(int Added, int PeopleAdded, int AlreadyPresent, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports office-bearers from CSV or Excel (.xlsx) with the columns <c>name_en, name_hi, mobile, post, wing, territory,
/// from</c> (any order, <c>wing</c> optional and MAIN by default, other columns ignored). The file is read row by row,
/// never whole. The person is found by mobile number or created with the territory as their home; each row is
/// appointed through <see cref="Appointing"/>, within the user's scope, so the rules are those of the pages. Every
/// bad row is reported with its line; good rows are saved in one transaction (each row under a savepoint, so that a
/// refused appointment leaves no person behind) with one coverage refresh at the end. A current appointment
/// identical to a row counts as already present, so importing the same file twice adds nothing. Problems with the
/// file as a whole (unreadable, columns missing, too many rows) save nothing.
/// </summary>
public sealed class OfficeBearerImporter(AppDbContext db, IAuthorizationService auth, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    private readonly DateOnly today = clock.TodayInIndia();

    /// <summary>Each row is checked and saved through the appointment rules (a few milliseconds a row), so a file stays within one request.</summary>
    public static readonly ImportLimits Limits = new()
    {
        MaxBytes = 10L << 20, MaxRows = 5_000, MaxColumns = 30, MaxCellLength = 500, MaxUncompressedBytes = 100L << 20,
        MaxSharedStrings = 50_000, MaxRunTime = TimeSpan.FromMinutes(3),
    };
    public static readonly string[] Columns = ["name_en", "name_hi", "mobile", "post", "wing", "territory", "from"];
    private static readonly string[] RequiredColumns = ["name_en", "name_hi", "mobile", "post", "territory", "from"];

    public async Task<OfficeBearerImportResult> ImportAsync(Stream stream, ImportFormat format, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().Select(p => new { p.Id, p.Level, p.Code }).ToListAsync(ct);
        var postByLevel = posts.ToDictionary(p => (p.Level, p.Code.ToUpperInvariant()), p => p.Id);
        var postCodes = posts.Select(p => p.Code.ToUpperInvariant()).ToHashSet();
        var wings = await db.Wings.AsNoTracking().ToDictionaryAsync(w => w.Code.ToUpperInvariant(), w => w.Id, ct);
        var territories = new Dictionary<int, Territory?>();
        var scope = UserScope.Required(user);

        var errors = new List<ImportError>();
        var seenInFile = new Dictionary<(string, int, int, int), int>();
        var added = new List<Appointment>();
        var peopleAdded = 0;
        var alreadyPresent = 0;

        ImportReader file;
        try
        {
            file = ImportReader.Open(stream, format, Limits, clock, ct);
        }
        catch (ImportRefused e)
        {
            return FileError(e.Line, e.Describe(L, Limits));
        }
        using var _ = file;
        if (file.Header.Count == 0) return FileError(1, L["The file is empty."]);
        var missingColumns = RequiredColumns.Where(c => file.IndexOf(c) < 0).ToList();
        if (missingColumns.Count > 0) return FileError(1, L["Missing columns: {0}", string.Join(", ", missingColumns)]);
        var columnIndex = Columns.Select(file.IndexOf).ToArray();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Each row has a savepoint of its own (AppointRowAsync); EF's savepoint around every save would double the round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            while (file.Read())
            {
                var line = file.Line;
                var v = Columns.Select((c, i) => Cell(c, file, columnIndex[i])).ToArray();
                var (nameEn, nameHi, mobileText, postCode, wingCode, territoryText, fromText) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

                var problems = new List<string>();
                if (file.HasBadQuote) problems.Add(L["A quotation mark is out of place."]);
                if (v.Any(x => x.Contains('\uFFFD'))) problems.Add(L["The text is not UTF-8: save the file as \"CSV UTF-8\"."]);
                var mobile = IndianMobile.Normalise(mobileText);
                if (mobile is null)
                    problems.Add(mobileText.Length == 0 ? L["Mobile number is missing."] : L["'{0}' is not a valid Indian mobile number.", mobileText]);
                if (nameEn.Length > 200 || nameHi.Length > 200) problems.Add(L["Names may have at most 200 characters."]);

                var wingId = ReferenceData.MainWingId;
                if (wingCode.Length > 0 && !wings.TryGetValue(wingCode.ToUpperInvariant(), out wingId))
                    problems.Add(L["Unknown wing '{0}'.", wingCode]);

                Territory? territory = null;
                if (territoryText.Length == 0) problems.Add(L["Territory is missing."]);
                else if (!int.TryParse(territoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var territoryId)
                         || (territory = await TerritoryAsync(territories, territoryId, ct)) is null)
                    // Unknown and outside the user's area read the same: the message must not reveal what exists elsewhere.
                    problems.Add(L["Territory '{0}' is unknown or outside your area.", territoryText]);

                var postId = 0;
                var code = postCode.ToUpperInvariant();
                if (code.Length == 0) problems.Add(L["Post is missing."]);
                else if (!postCodes.Contains(code)) problems.Add(L["Unknown post '{0}'.", postCode]);
                else if (territory is not null && !postByLevel.TryGetValue((territory.Level, code), out postId))
                    problems.Add(L["There is no post '{0}' at the {1} level.", postCode, L[Localization.LevelKey(territory.Level)]]);

                var from = ParseDate(fromText);
                if (from is null)
                    problems.Add(fromText.Length == 0 ? L["The from date is missing."] : L["'{0}' is not a date in the form dd-MM-yyyy.", fromText]);

                if (problems.Count == 0 && seenInFile.TryGetValue((mobile!, postId, wingId, territory!.Id), out var firstLine))
                    problems.Add(L["Same person, post, wing and territory as line {0}.", firstLine]);
                if (problems.Count > 0)
                {
                    errors.Add(new ImportError(line, string.Join(" ", problems), v));
                    continue;
                }
                seenInFile[(mobile!, postId, wingId, territory!.Id)] = line;

                var owner = await db.MobileOwnerAsync(user, mobile!, null, ct);
                if (owner is { InScope: false })
                {
                    errors.Add(new ImportError(line, L[PeopleQueries.MobileUnavailable], v));
                    continue;
                }
                if (owner is null && (nameEn.Length == 0 || nameHi.Length == 0))
                {
                    var missing = new List<string>();
                    if (nameEn.Length == 0) missing.Add(L["English name is missing."]);
                    if (nameHi.Length == 0) missing.Add(L["Hindi name is missing."]);
                    errors.Add(new ImportError(line, string.Join(" ", missing), v));
                    continue;
                }
                if (owner is not null && await db.Appointments.AnyAsync(a => a.PersonId == owner.Id && a.PostId == postId
                        && a.WingId == wingId && a.TerritoryId == territory.Id && a.To == null, ct))
                {
                    alreadyPresent++;
                    continue;
                }

                var (appointment, problem, personAdded) = await AppointRowAsync(tx, owner?.Id, nameEn, nameHi, mobile!, postId, wingId, territory, from!.Value, ct);
                if (problem is not null)
                {
                    errors.Add(new ImportError(line, problem, v));
                    continue;
                }
                added.Add(appointment!);
                if (personAdded) peopleAdded++;
            }
        }
        catch (ImportRefused e)
        {
            return FileError(e.Line, e.Describe(L, Limits));
        }

        await tx.CommitAsync(ct);
        return new OfficeBearerImportResult(added.Count, peopleAdded, alreadyPresent, errors);

        OfficeBearerImportResult FileError(int line, string message)
        {
            // Returning without a commit rolls back whatever rows were saved so far.
            db.ChangeTracker.Clear();
            return new(0, 0, 0, [new ImportError(line, message)]);
        }
    }

    /// <summary>
    /// Creates the person if needed and appoints them, under a savepoint: a refused row leaves nothing behind.
    /// Returns the appointment, or the reason (a resource text) the row was refused.
    /// </summary>
    private async Task<(Appointment?, string?, bool PersonAdded)> AppointRowAsync(IDbContextTransaction tx, int? personId, string nameEn,
        string nameHi, string mobile, int postId, int wingId, Territory territory, DateOnly from, CancellationToken ct)
    {
        const string savepoint = "import_row";
        await tx.CreateSavepointAsync(savepoint, ct);
        try
        {
            var personAdded = false;
            if (personId is null)
            {
                var person = new Person { NameEn = nameEn, NameHi = nameHi, Mobile = mobile };
                person.PlaceIn(territory);
                if (!(await auth.AuthorizeAsync(user, person, Operations.Create)).Succeeded)
                    return await RefuseAsync(L["Territory '{0}' is unknown or outside your area.", territory.Id]);
                db.People.Add(person);
                await db.SaveChangesAsync(ct);
                personId = person.Id;
                personAdded = true;
            }

            var request = new AppointmentRequest(personId.Value, postId, wingId, territory.Id, from);
            if (await Appointing.CheckAsync(db, user, request, null, today, ct) is { } problem)
                return await RefuseAsync(L[problem.Message, problem.Arguments]);
            var appointment = await Appointing.AddAsync(db, request, ct);
            await db.SaveChangesAsync(ct);
            await tx.ReleaseSavepointAsync(savepoint, ct);
            // Saved rows need no tracking; a change tracker growing with the file would slow every later save.
            db.ChangeTracker.Clear();
            return (appointment, null, personAdded);
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).IsUniqueViolation)
        {
            // Someone else saved the same mobile number or appointment between our check and the save.
            return await RefuseAsync(L["Someone else saved the same person or post at the same moment. Import the file again."]);
        }

        async Task<(Appointment?, string?, bool)> RefuseAsync(string message)
        {
            await tx.RollbackToSavepointAsync(savepoint, ct);
            db.ChangeTracker.Clear();
            return (null, message, false);
        }
    }

    private async Task<Territory?> TerritoryAsync(Dictionary<int, Territory?> cache, int id, CancellationToken ct)
    {
        if (cache.TryGetValue(id, out var known)) return known;
        // Bounded: a file names at most MaxRows territories. Untracked, so clearing the change tracker keeps them.
        var found = await db.Territories.AsNoTracking().InScope(user).SingleOrDefaultAsync(t => t.Id == id, ct);
        cache[id] = found;
        return found;
    }

    /// <summary>dd-MM-yyyy as asked; d-M-yyyy, dd/MM/yyyy and dd.MM.yyyy as people also type it.</summary>
    public static DateOnly? ParseDate(string text)
    {
        string[] formats = ["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>
    /// A cell as text: Excel keeps mobile numbers and territory ids typed as numbers, and dates as dates (or as day
    /// numbers when the cell has no date format).
    /// </summary>
    private static string Cell(string column, ImportReader file, int index) => file.Value(index) switch
    {
        double n when column == "from" && n is >= 18264 and < 73051 && n == Math.Floor(n) =>
            DateTime.FromOADate(n).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        _ => file.Text(index),
    };
}
