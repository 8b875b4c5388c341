using PhoneNumbers;

namespace OrgTracker.Web.Domain;

/// <summary>
/// Indian mobile numbers, normalised to E.164 (+91 and ten digits) and held as the number 91XXXXXXXXXX.
/// Validity is libphonenumber's: a number is accepted when libphonenumber parses it for region IN as a mobile number.
/// </summary>
/// <remarks>
/// Imports check millions of numbers, and a full libphonenumber parse costs microseconds. The common spellings
/// (digits with spaces, dashes, brackets, a leading 0, 91 or +91; ASCII or Devanagari digits) are therefore reduced
/// to the ten national digits here, and their validity is looked up by the first five digits in a table filled from
/// libphonenumber as prefixes are met (India's mobile ranges are defined by at most five leading digits; a test
/// checks the table against libphonenumber). Anything else goes to libphonenumber whole.
/// </remarks>
public static class MobileNumber
{
    private const long IndiaPrefix = 91_00000_00000;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    // Validity by five-digit prefix, filled in as prefixes are met: 0 not yet known, 1 valid, 2 not a mobile range.
    private static readonly byte[] Prefixes = new byte[100_000];

    /// <summary>Parses an Indian mobile number written in any common way; <paramref name="mobile"/> is 91XXXXXXXXXX.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long mobile)
    {
        mobile = 0;
        Span<char> digits = stackalloc char[16];
        var count = 0;
        var plus = false;
        var simple = true;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' || c is >= '\u0966' and <= '\u096F')
            {
                if (count == digits.Length) return false;
                digits[count++] = c <= '9' ? c : (char)('0' + (c - '\u0966'));
            }
            else if (c == '+' && count == 0 && !plus) plus = true;
            else if (c == '\'' && count == 0) { } // a spreadsheet's "keep as text" mark
            else if (c is ' ' or '-' or '.' or '(' or ')' or '\u00A0' or '\t') { }
            else { simple = false; break; }
        }
        if (!simple) return TryParseWithLibrary(text.ToString(), out mobile);

        ReadOnlySpan<char> national = digits[..count];
        if (plus)
        {
            // +91 and ten digits; any other country code (or a stray digit) is for libphonenumber to judge.
            if (count != 12 || !national.StartsWith("91")) return TryParseWithLibrary(text.ToString(), out mobile);
            national = national[2..];
        }
        else if (count == 11 && national[0] == '0') national = national[1..];
        else if (count == 12 && national.StartsWith("91")) national = national[2..];
        else if (count == 14 && national.StartsWith("0091")) national = national[4..];
        if (national.Length != 10 || national[0] < '6') return false;

        long n = 0;
        foreach (var d in national) n = n * 10 + (d - '0');
        if (!IsValidNational(n)) return false;
        mobile = IndiaPrefix + n;
        return true;
    }

    /// <summary>The full libphonenumber parse, for spellings the fast path does not know.</summary>
    internal static bool TryParseWithLibrary(string text, out long mobile)
    {
        mobile = 0;
        try
        {
            var number = Util.Parse(text, "IN");
            if (number.CountryCode != 91 || !IsMobile(number)) return false;
            mobile = IndiaPrefix + (long)number.NationalNumber;
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static bool IsMobile(PhoneNumber number) =>
        Util.IsValidNumber(number) && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;

    /// <summary>True when ten national digits form an Indian mobile number.</summary>
    public static bool IsValidNational(long national) =>
        national is >= 6_000_000_000L and <= 9_999_999_999L && IsMobilePrefix((int)(national / 100_000));

    private static bool IsMobilePrefix(int prefix)
    {
        var known = Volatile.Read(ref Prefixes[prefix]);
        if (known == 0)
        {
            // Two threads may both compute a prefix; they write the same answer.
            known = IsMobile(Util.Parse("+91" + prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) + "00000", null)) ? (byte)1 : (byte)2;
            Volatile.Write(ref Prefixes[prefix], known);
        }
        return known == 1;
    }

    public static long FromNational(long national) => IndiaPrefix + national;

    /// <summary>The five-digit prefixes of Indian mobile numbers, ascending (each covers 1,00,000 numbers).</summary>
    public static int[] MobilePrefixes() => Enumerable.Range(60_000, 40_000).Where(IsMobilePrefix).ToArray();

    /// <summary>E.164 form: +919876543210.</summary>
    public static string E164(long mobile) => "+" + mobile.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For reading: +91 98765 43210.</summary>
    public static string Display(long mobile)
    {
        var national = (mobile - IndiaPrefix).ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture);
        return $"+91 {national[..5]} {national[5..]}";
    }
}
