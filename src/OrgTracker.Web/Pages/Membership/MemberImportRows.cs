using System.Globalization;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>The columns of a member import file; the first four are required.</summary>
public enum MemberColumn
{
    Name,
    Mobile,
    AcNumber,
    PartNumber,
    Gender,
    BirthYear,
    Channel,
    EnrolledOn,
    EnrolledBy,
}

public static class MemberColumns
{
    /// <summary>Header names as they appear in the file (and in the template and the error report).</summary>
    public static readonly string[] Headers = ["name", "mobile", "ac_number", "part_number", "gender", "birth_year", "channel", "enrolled_on", "enrolled_by"];
    public const int Required = 4;
    public const int Count = 9;

    /// <summary>Header → column, accepting the Hindi headings and a few common variants.</summary>
    private static readonly Dictionary<string, MemberColumn> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = MemberColumn.Name, ["नाम"] = MemberColumn.Name,
        ["mobile"] = MemberColumn.Mobile, ["mobile number"] = MemberColumn.Mobile, ["मोबाइल"] = MemberColumn.Mobile,
        ["ac_number"] = MemberColumn.AcNumber, ["ac"] = MemberColumn.AcNumber, ["विधानसभा क्रमांक"] = MemberColumn.AcNumber,
        ["part_number"] = MemberColumn.PartNumber, ["part"] = MemberColumn.PartNumber, ["booth"] = MemberColumn.PartNumber, ["भाग संख्या"] = MemberColumn.PartNumber,
        ["gender"] = MemberColumn.Gender, ["लिंग"] = MemberColumn.Gender,
        ["birth_year"] = MemberColumn.BirthYear, ["जन्म वर्ष"] = MemberColumn.BirthYear,
        ["channel"] = MemberColumn.Channel, ["माध्यम"] = MemberColumn.Channel,
        ["enrolled_on"] = MemberColumn.EnrolledOn, ["date"] = MemberColumn.EnrolledOn, ["दिनांक"] = MemberColumn.EnrolledOn,
        ["enrolled_by"] = MemberColumn.EnrolledBy, ["जोड़ने वाले"] = MemberColumn.EnrolledBy,
    };

    /// <summary>For each column, its index in the file's header (-1 when absent).</summary>
    public static int[] Map(IReadOnlyList<string?> header)
    {
        var map = Enumerable.Repeat(-1, Count).ToArray();
        for (var i = 0; i < header.Count; i++)
        {
            var h = (header[i] ?? "").Trim().Trim('\uFEFF').Replace('-', '_');
            if (Aliases.TryGetValue(h, out var c) && map[(int)c] < 0) map[(int)c] = i;
        }
        return map;
    }
}

/// <summary>
/// What a booth brings to a member row: its id, its ancestors and its assembly constituency (<paramref name="SeatId"/>);
/// <paramref name="Index"/> numbers the booths an import loaded (0, 1, …).
/// </summary>
public readonly record struct BoothPlace(int BoothId, int BlockId, int DistrictId, int DivisionId, int StateId, int SeatId, int Index);

/// <summary>A row that passed every check, ready for the staging table.</summary>
public struct StagedMember
{
    public int Line;
    public long Mobile;
    public string Name;
    public BoothPlace Booth;
    public Gender? Gender;
    public short? BirthYear;
    public EnrolmentChannel Channel;
    public DateOnly EnrolledOn;
    public string? EnrolledBy;
}

/// <summary>
/// The checks of one import row (also the rules of the enrolment form, where they apply): required fields, a valid
/// Indian mobile number, a booth (assembly constituency number + part number) inside the uploader's scope, and
/// well-formed optional fields. Duplicates are found later, set-based, by the merge.
/// </summary>
public sealed class MemberRowRules(MembershipDrive drive, IReadOnlyDictionary<long, BoothPlace> booths, DateOnly today)
{
    public const int MaxName = 200;
    public const int MinAge = 18;
    public const int MaxAge = 110;

    public static long BoothKey(int acNumber, int partNumber) => ((long)acNumber << 20) | (uint)partNumber;

    /// <summary>Checks a row; returns null and fills <paramref name="row"/> when good, else the problem codes.</summary>
    public List<string>? Check(ImportReader source, int[] map, out StagedMember row)
    {
        row = default;
        List<string>? problems = null;
        void Problem(string code) => (problems ??= []).Add(code);

        var name = source.Field(map[(int)MemberColumn.Name])?.Trim();
        if (string.IsNullOrEmpty(name)) Problem(ImportProblems.NameMissing);
        else if (name.Length > MaxName) Problem(ImportProblems.NameTooLong);

        var mobileText = source.Field(map[(int)MemberColumn.Mobile]);
        long mobile = 0;
        if (string.IsNullOrWhiteSpace(mobileText)) Problem(ImportProblems.MobileMissing);
        else if (!MobileNumber.TryParse(mobileText, out mobile)) Problem(ImportProblems.MobileInvalid);

        var acText = source.Field(map[(int)MemberColumn.AcNumber]);
        var partText = source.Field(map[(int)MemberColumn.PartNumber]);
        var booth = default(BoothPlace);
        if (string.IsNullOrWhiteSpace(acText) || string.IsNullOrWhiteSpace(partText)) Problem(ImportProblems.BoothMissing);
        else if (!int.TryParse(acText, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var ac)
                 || !int.TryParse(partText, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var part)
                 || ac < 0 || part < 0 || !booths.TryGetValue(BoothKey(ac, part), out booth))
            Problem(ImportProblems.BoothUnknown);

        Gender? gender = null;
        var genderText = source.Field(map[(int)MemberColumn.Gender]);
        if (!string.IsNullOrWhiteSpace(genderText))
        {
            gender = ParseGender(genderText);
            if (gender is null) Problem(ImportProblems.GenderInvalid);
        }

        short? birthYear = null;
        var yearText = source.Field(map[(int)MemberColumn.BirthYear]);
        if (!string.IsNullOrWhiteSpace(yearText))
        {
            if (short.TryParse(yearText, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var y)
                && IsPlausibleBirthYear(y, today)) birthYear = y;
            else Problem(ImportProblems.BirthYearInvalid);
        }

        var channel = EnrolmentChannel.PaperForm;
        var channelText = source.Field(map[(int)MemberColumn.Channel]);
        if (!string.IsNullOrWhiteSpace(channelText))
        {
            if (ParseChannel(channelText) is { } c) channel = c;
            else Problem(ImportProblems.ChannelInvalid);
        }

        var enrolledOn = today;
        var dateText = source.Field(map[(int)MemberColumn.EnrolledOn]);
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (ParseDate(dateText) is { } d) enrolledOn = d;
            else Problem(ImportProblems.DateInvalid);
        }
        if (problems is null && !drive.AcceptsDate(enrolledOn, today)) Problem(ImportProblems.DateOutsideDrive);

        var enrolledBy = source.Field(map[(int)MemberColumn.EnrolledBy])?.Trim();
        if (enrolledBy?.Length > MaxName) Problem(ImportProblems.EnrolledByTooLong);

        if (problems is not null) return problems;
        row = new StagedMember
        {
            Line = source.Line, Mobile = mobile, Name = name!, Booth = booth, Gender = gender, BirthYear = birthYear,
            Channel = channel, EnrolledOn = enrolledOn, EnrolledBy = string.IsNullOrEmpty(enrolledBy) ? null : enrolledBy,
        };
        return null;
    }

    public static bool IsPlausibleBirthYear(int year, DateOnly today) => year >= today.Year - MaxAge && year <= today.Year - MinAge;

    public static Gender? ParseGender(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Equals("M", StringComparison.OrdinalIgnoreCase) || t.Equals("male", StringComparison.OrdinalIgnoreCase) || t is "पुरुष" or "पु") return Gender.Male;
        if (t.Equals("F", StringComparison.OrdinalIgnoreCase) || t.Equals("female", StringComparison.OrdinalIgnoreCase) || t is "महिला" or "म" or "स्त्री") return Gender.Female;
        if (t.Equals("O", StringComparison.OrdinalIgnoreCase) || t.Equals("other", StringComparison.OrdinalIgnoreCase) || t is "अन्य") return Gender.Other;
        return null;
    }

    public static EnrolmentChannel? ParseChannel(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Equals("paper", StringComparison.OrdinalIgnoreCase)) return EnrolmentChannel.PaperForm;
        if (t.Equals("online", StringComparison.OrdinalIgnoreCase)) return EnrolmentChannel.Online;
        return t.ToString().ToLowerInvariant().Replace('-', '_').Replace(' ', '_') switch
        {
            "paper_form" or "paperform" or "form" or "फॉर्म" or "कागज़ी_फॉर्म" => EnrolmentChannel.PaperForm,
            "ऑनलाइन" => EnrolmentChannel.Online,
            "missed_call" or "missedcall" or "call" or "मिस्ड_कॉल" => EnrolmentChannel.MissedCall,
            _ => null,
        };
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    public static DateOnly? ParseDate(string text)
    {
        var t = text.AsSpan().Trim();
        // yyyy-mm-dd, by far the most common, without the general parser.
        if (t.Length == 10 && t[4] == '-' && t[7] == '-'
            && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(t[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(t[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return y is >= 1 and <= 9999 && m is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, day) : null;
        return DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
