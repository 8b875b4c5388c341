using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace OrgTracker.Web.Platform;

/// <summary>
/// JSON written into pages (chart data in data- attributes) and JSON answers: Hindi as UTF-8 rather than
/// <c>\u0915</c>-style escapes. The encoder still escapes what could end an attribute or a script element
/// (<c>&lt; &gt; &amp; ' "</c> and <c>+</c>), so a name containing <c>&lt;/script&gt;</c> stays inside its JSON string.
/// </summary>
public static class JsonText
{
    /// <summary>System.Text.Json's default encoder widened to every Unicode range; HTML-sensitive characters stay escaped.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonSerializerOptions Options = new() { Encoder = Encoder };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
