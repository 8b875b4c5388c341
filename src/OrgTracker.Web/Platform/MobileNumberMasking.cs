using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Masks Indian mobile numbers (10 digits from 6 to 9, in any usual form: +91, 0, spaces, dashes) in the text
/// properties of every log event, keeping the first two and last two digits. Request logging writes paths only, never
/// query strings; this is the second guard, for a search term or a value that reaches a log by some other route.
/// </summary>
public sealed partial class MobileNumberMasking : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
            if (value is ScalarValue { Value: string text } && Mask(text) is var masked && !ReferenceEquals(masked, text))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
    }

    /// <summary>The text with each mobile-like number masked (the same instance when there is none).</summary>
    public static string Mask(string text) =>
        text.Any(char.IsAsciiDigit) && Mobile().IsMatch(text) ? Mobile().Replace(text, m => Hide(m.Value)) : text;

    private static string Hide(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray())[^10..];
        return digits[..2] + "******" + digits[^2..];
    }

    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|%2B)?91[\s\-]?|0)?[6-9](?:[\s\-]?[0-9]){9}(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex Mobile();
}
