using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Signing out deletes the server-side session (AuthSessionStore): a copy of the cookie stops working at once.
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
