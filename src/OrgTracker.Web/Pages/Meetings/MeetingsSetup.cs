using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

public static class MeetingsSetup
{
    /// <summary>State roles and district presidents record meetings; division in-charges and administrators only read them.</summary>
    public const string RecordMeetings = nameof(RecordMeetings);

    /// <summary>The pages that change meetings need a recording role; each also checks the record's scope.</summary>
    public static readonly string[] WritePages =
        ["/Meetings/Edit", "/Meetings/Attendance", "/Meetings/Invite", "/Meetings/NewProgramme"];

    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.Configure<AuthorizationOptions>(o =>
            o.AddPolicy(RecordMeetings, p => p.RequireRole(Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident)));
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in WritePages) o.Conventions.AuthorizePage(page, RecordMeetings);
        });
        services.AddSingleton<PhotoProcessor>();
        return services;
    }
}
