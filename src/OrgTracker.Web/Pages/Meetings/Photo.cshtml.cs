using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>Serves a meeting photo (or its thumbnail) from PostgreSQL to those who may see the meeting; 404 otherwise.</summary>
public class PhotoModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, bool thumb, CancellationToken ct)
    {
        var meetings = db.Meetings.Visible(db, User);
        var photo = db.MeetingPhotos.AsNoTracking().Where(p => p.Id == id && meetings.Any(m => m.Id == p.MeetingId));
        var bytes = thumb
            ? await photo.Select(p => p.Thumbnail).SingleOrDefaultAsync(ct)
            : await photo.Select(p => p.Image).SingleOrDefaultAsync(ct);
        if (bytes is null) return NotFound();
        // A member's photo is personal data: never cached (no-store, set for every response in Startup.NoStore).
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return File(bytes, "image/jpeg");
    }
}
