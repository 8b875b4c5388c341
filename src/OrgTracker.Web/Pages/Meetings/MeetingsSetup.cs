using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        // Evidence photos go through Platform/PhotoProcessor.cs, registered in Startup (directives use it too).
        return services;
    }
}
