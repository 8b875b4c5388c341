using Microsoft.Extensions.Localization;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// The problem codes stored with a bad import row, and their text in the reader's language. Codes, not sentences,
/// are stored so that the error report reads in whichever language its downloader uses.
/// </summary>
public static class ImportProblems
{
    public const string NameMissing = "name_missing";
    public const string NameTooLong = "name_too_long";
    public const string MobileMissing = "mobile_missing";
    public const string MobileInvalid = "mobile_invalid";
    public const string BoothMissing = "booth_missing";
    public const string BoothUnknown = "booth_unknown";
    public const string GenderInvalid = "gender_invalid";
    public const string BirthYearInvalid = "birth_year_invalid";
    public const string ChannelInvalid = "channel_invalid";
    public const string DateInvalid = "date_invalid";
    public const string DateOutsideDrive = "date_outside_drive";
    public const string EnrolledByTooLong = "enrolled_by_too_long";
    public const string MissingColumns = "missing_columns";
    public const string TooManyRows = "too_many_rows";
    /// <summary>The same mobile number is on another line of the file (<c>OtherLine</c>).</summary>
    public const string DuplicateInFile = "duplicate_in_file";
    /// <summary>The mobile number is already enrolled in the drive, with another name or booth (<c>OtherBoothId</c>).</summary>
    public const string DuplicateInDrive = "duplicate_in_drive";

    /// <param name="place">The booth where the number is already enrolled, only when it lies in the reader's scope.</param>
    public static string Describe(string code, IStringLocalizer L, int? otherLine = null, string? place = null) => code switch
    {
        NameMissing => L["Name is missing."],
        NameTooLong => L["Name may have at most 200 characters."],
        MobileMissing => L["Mobile number is missing."],
        MobileInvalid => L["Not a valid Indian mobile number."],
        BoothMissing => L["Assembly constituency number or part number is missing."],
        BoothUnknown => L["No such booth in your area (check the assembly constituency number and the part number)."],
        GenderInvalid => L["Gender must be M, F or O."],
        BirthYearInvalid => L["Year of birth must be a year in which the member was 18 to 110 years old."],
        ChannelInvalid => L["Channel must be paper, online or missed_call."],
        DateInvalid => L["Enrolment date must be written as yyyy-mm-dd or dd-mm-yyyy."],
        DateOutsideDrive => L["Enrolment date is outside the drive's period, or in the future."],
        EnrolledByTooLong => L["Enrolled by may have at most 200 characters."],
        MissingColumns => L["The file lacks required columns: name, mobile, ac_number, part_number."],
        TooManyRows => L["Too many rows: the rest of the file was not read."],
        DuplicateInFile => L["The same mobile number is on line {0}.", otherLine ?? 0],
        DuplicateInDrive => place is null
            ? L["This mobile number is already enrolled in this drive."]
            : L["This mobile number is already enrolled in this drive at {0}.", place],
        _ => code,
    };

    public static string DescribeAll(string codes, IStringLocalizer L, int? otherLine, string? place) =>
        string.Join(" ", codes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => Describe(c, L, otherLine, place)));
}
