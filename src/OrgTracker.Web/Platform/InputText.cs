using System.Text;

namespace OrgTracker.Web.Platform;

/// <summary>Text as users type or import it.</summary>
public static class InputText
{
    /// <summary>Trimmed, in Unicode composed form: Hindi typed on different keyboards may arrive decomposed.</summary>
    public static string Clean(string? s)
    {
        s = (s ?? "").Trim();
        try { return s.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return s; } // invalid UTF-16 (a lone surrogate): keep as typed, validation decides
    }
}
