using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// Serves a directive's attachment (to everyone who may see the directive) or an evidence photo of an answer (to those
/// whose scope covers the answering unit); 404 otherwise.
/// </summary>
public class FileModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, bool thumb, CancellationToken ct)
    {
        var directives = db.Visible(User);
        var evidence = db.DirectiveFiles.InScope(User).Where(f => f.AnswerId != null).Select(f => f.Id);
        var file = await db.DirectiveFiles.AsNoTracking()
            .Where(f => f.Id == id && (f.AnswerId == null ? directives.Any(d => d.Id == f.DirectiveId) : evidence.Contains(f.Id)))
            .Select(f => new { f.FileName, f.ContentType, Content = thumb && f.Thumbnail != null ? f.Thumbnail : f.Content })
            .SingleOrDefaultAsync(ct);
        if (file is null) return NotFound();
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        // A PDF is downloaded, never shown inline under the application's origin.
        return file.ContentType == DirectiveFile.Pdf ? File(file.Content, file.ContentType, file.FileName) : File(file.Content, file.ContentType);
    }
}
