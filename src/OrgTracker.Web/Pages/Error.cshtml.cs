using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrgTracker.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; set; }
    public int Code { get; set; }
    /// <summary>What the database refused, when a 409 comes from <see cref="Platform.DatabaseErrorFilter"/>.</summary>
    public string? Message { get; set; }

    public void OnGet(int? code) => Set(code);
    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Code = code ?? 500;
        Message = Platform.DatabaseErrorFilter.MessageOf(HttpContext);
    }
}
