using PhoneNumbers;

namespace OrgTracker.Web.Domain;

/// <summary>Indian mobile numbers, normalised to E.164 (+91XXXXXXXXXX) with libphonenumber.</summary>
public static class IndianMobile
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of an Indian mobile number, or null when the text is not one.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 25) return null;
        try
        {
            var number = Util.Parse(text.Trim(), "IN");
            if (number.CountryCode != 91 || !Util.IsValidNumber(number)) return null;
            var type = Util.GetNumberType(number);
            if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return null;
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>+91 98765 43210, for display.</summary>
    public static string Display(string e164) =>
        e164.Length == 13 && e164.StartsWith("+91") ? $"+91 {e164[3..8]} {e164[8..]}" : e164;
}
