using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Reports;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Where a probed record lies, seen from the district president of Bhopal (the narrowest demo scope): their own
/// district, a sibling district of the same division, a district of another division, the parent division, the
/// state itself, and a district of the other state. <see cref="None"/> is for pages that take no record.
/// </summary>
public enum Target
{
    Own,
    Sibling,
    OtherDivision,
    Parent,
    State,
    OtherState,
    None,
}

/// <summary>
/// The demo database plus, for each <see cref="Target"/>, a marked record of every kind a page can be asked about:
/// an office-bearer (flagged inactive), a committee, a report, a user; blocks and booths are the demo's own.
/// Every marked record carries the text "Sentinel {Target}" (and the non-ancestor territories are renamed to carry
/// it too), so that a response can be searched for data it must not contain.
/// </summary>
public sealed class ProbeWorld
{
    public static readonly Target[] Targets = [Target.Own, Target.Sibling, Target.OtherDivision, Target.Parent, Target.State, Target.OtherState];

    /// <summary>The placeholders of URL templates, per target ({territory}, {block}, {appointment} …).</summary>
    public Dictionary<Target, Dictionary<string, string>> Values { get; } = [];

    public static string Marker(Target t) => $"Sentinel {t}";

    public string? Resolve(string template, Target target)
    {
        var values = Values.GetValueOrDefault(target) ?? [];
        var url = template;
        foreach (var (key, value) in values) url = url.Replace("{" + key + "}", value);
        return url.Contains('{') ? null : url;
    }

    public static async Task<ProbeWorld> CreateAsync(AppFactory app)
    {
        var world = new ProbeWorld();
        var UtcNow = app.Clock.GetUtcNow().UtcDateTime;
        var TodayInIndia = IndiaTime.Day(UtcNow);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        async Task<Territory> FindAsync(string name, TerritoryLevel level) =>
            await db.Territories.SingleAsync(t => t.NameEn == name && t.Level == level);
        var homes = new Dictionary<Target, Territory>
        {
            [Target.Own] = await FindAsync("Bhopal", TerritoryLevel.District),
            [Target.Sibling] = await FindAsync("Sehore", TerritoryLevel.District),
            [Target.OtherDivision] = await FindAsync("Indore", TerritoryLevel.District),
            [Target.Parent] = await FindAsync("Bhopal", TerritoryLevel.Division),
            [Target.State] = await FindAsync("Madhya Pradesh", TerritoryLevel.State),
            [Target.OtherState] = await FindAsync("Lucknow", TerritoryLevel.District),
        };
        var posts = await db.Posts.AsNoTracking().ToListAsync();
        var n = 0;
        foreach (var (target, home) in homes)
        {
            n++;
            var marker = Marker(target);
            var values = new Dictionary<string, string> { ["territory"] = home.Id.ToString() };
            // Membership drives belong to a state: the target's drive is its state's.
            values["drive"] = (await db.MembershipDrives.Where(d => d.StateId == home.StateId).OrderBy(d => d.Id).FirstAsync()).Id.ToString();
            world.Values[target] = values;

            var person = new Person { NameEn = $"{marker} Person", NameHi = $"{marker} व्यक्ति", Mobile = $"+9190000001{n:00}" };
            person.PlaceIn(home);
            db.People.Add(person);
            var committee = new Committee
            {
                TerritoryId = home.Id, StateId = home.StateId, Kind = home.Level == TerritoryLevel.State ? CommitteeKind.StateExecutive : CommitteeKind.District,
                DivisionId = home.Level == TerritoryLevel.Division ? home.Id : home.DivisionId,
                DistrictId = home.Level == TerritoryLevel.District ? home.Id : home.DistrictId,
                NameEn = $"{marker} Committee", NameHi = $"{marker} समिति", FormedOn = new DateOnly(2025, 1, 1),
            };
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
            var appointment = new Appointment
            {
                PersonId = person.Id, PostId = posts.First(p => p.Level == home.Level).Id, WingId = ReferenceData.MainWingId,
                From = new DateOnly(2025, 1, 1), InactiveSince = new DateOnly(2025, 6, 1), InactiveReason = $"{marker} reason",
            };
            appointment.PlaceAt(home);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            values["appointment"] = appointment.Id.ToString();
            values["committee"] = committee.Id.ToString();
            values["person"] = person.Id.ToString();

            // A programme with one meeting, an action item owned by the marked person, and a photo of the meeting.
            var programme = new MeetingProgramme { Title = $"{marker} Programme", CreatedUtc = UtcNow, CreatedBy = "probe" };
            programme.PlaceAt(home);
            db.MeetingProgrammes.Add(programme);
            await db.SaveChangesAsync();
            var meeting = new Meeting
            {
                Title = $"{marker} Meeting", Type = MeetingType.Review, Agenda = $"{marker} agenda", ProgrammeId = programme.Id,
                StartsUtc = UtcNow.AddDays(-2), EndsUtc = UtcNow.AddDays(-2).AddHours(2), CreatedUtc = UtcNow, CreatedBy = "probe",
            };
            meeting.PlaceAt(home);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            var item = new ActionItem
            {
                MeetingId = meeting.Id, Text = $"{marker} action", OwnerId = person.Id, TerritoryId = home.Id, StateId = home.StateId,
                DivisionId = meeting.DivisionId, DistrictId = meeting.DistrictId, DueOn = TodayInIndia.AddDays(-1), CreatedUtc = UtcNow,
            };
            var photo = new MeetingPhoto
            {
                MeetingId = meeting.Id, StateId = home.StateId, DivisionId = meeting.DivisionId, DistrictId = meeting.DistrictId,
                Image = System.Text.Encoding.UTF8.GetBytes($"{marker} photo"), Thumbnail = System.Text.Encoding.UTF8.GetBytes($"{marker} thumbnail"),
                Width = 1, Height = 1, UploadedUtc = UtcNow, UploadedBy = "probe",
            };
            db.AddRange(item, photo);
            await db.SaveChangesAsync();
            // An import into the state's drive, made at the target's territory.
            var job = new MemberImportJob
            {
                DriveId = int.Parse(values["drive"]), StateId = home.StateId, FileName = $"{marker} members.csv", Format = ImportFormat.Csv,
                DivisionId = home.Level == TerritoryLevel.Division ? home.Id : home.DivisionId,
                DistrictId = home.Level == TerritoryLevel.District ? home.Id : home.DistrictId,
                Status = ImportStatus.Done, CreatedUtc = UtcNow, CreatedByName = "probe",
            };
            db.MemberImportJobs.Add(job);
            await db.SaveChangesAsync();
            values["importjob"] = job.Id.ToString();

            values["programme"] = programme.Id.ToString();
            values["meeting"] = meeting.Id.ToString();
            values["action"] = item.Id.ToString();
            values["photo"] = photo.Id.ToString();

            var role = home.Level switch
            {
                TerritoryLevel.District => Roles.DistrictPresident,
                TerritoryLevel.Division => Roles.DivisionInCharge,
                _ => Roles.StateOffice,
            };
            var email = $"sentinel.{target.ToString().ToLowerInvariant()}@probe.orgtracker.in";
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, DisplayName = $"{marker} User",
                Role = role, ScopeTerritoryId = home.Id, StateId = home.StateId, CreatedUtc = UtcNow,
            };
            var created = await users.CreateAsync(user, "a sentinel password that nobody uses");
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            values["user"] = user.Id;

            if (home.Level == TerritoryLevel.District)
            {
                values["district"] = home.Id.ToString();
                values["division"] = home.DivisionId!.Value.ToString();
                values["block"] = (await db.Territories.Where(t => t.ParentId == home.Id && t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).FirstAsync()).Id.ToString();
                var booth = await db.Territories.Where(t => t.DistrictId == home.Id && t.Level == TerritoryLevel.Booth).OrderBy(t => t.Id).FirstAsync();
                values["booth"] = booth.Id.ToString();
                var member = new Member
                {
                    DriveId = int.Parse(values["drive"]), Mobile = 919000000200 + n, Name = $"{marker} Member",
                    EnrolledOn = new DateOnly(2025, 1, 1), CreatedUtc = UtcNow,
                };
                member.PlaceAt(booth);
                db.Members.Add(member);
                await db.SaveChangesAsync();
                values["member"] = member.Mobile.ToString();
                var report = await db.Reports.Where(r => r.DistrictId == home.Id).OrderByDescending(r => r.Period).ThenByDescending(r => r.Revision).FirstAsync();
                report.Achievements = $"{marker} Report";
                await db.SaveChangesAsync();
                values["report"] = report.Id.ToString();
                values["period"] = ReportPeriod.Format(report.Period);

                // A directive of the state sent to this district alone, answered, with an attachment and an evidence photo.
                var directive = new Directive
                {
                    TextEn = $"{marker} directive", TextHi = $"{marker} निर्देश", DueOn = TodayInIndia.AddDays(3), IssuedUtc = UtcNow,
                    IssuedByUser = "probe", IssuedByName = "probe",
                };
                directive.PlaceAt(await db.Territories.SingleAsync(x => x.Id == home.StateId));
                db.Directives.Add(directive);
                await db.SaveChangesAsync();
                var directiveTarget = new DirectiveTarget { DirectiveId = directive.Id, CreatedUtc = UtcNow };
                directiveTarget.PlaceAt(home);
                db.DirectiveTargets.Add(directiveTarget);
                await db.SaveChangesAsync();
                var answer = directiveTarget.Answer(ComplianceStatus.PartlyDone, $"{marker} answer", UtcNow, "probe", "probe");
                db.DirectiveAnswers.Add(answer);
                await db.SaveChangesAsync();
                directiveTarget.LatestAnswerId = answer.Id;
                var attachment = new DirectiveFile
                {
                    DirectiveId = directive.Id, StateId = directive.StateId, FileName = "circular.pdf", ContentType = DirectiveFile.Pdf,
                    Content = System.Text.Encoding.UTF8.GetBytes($"%PDF- {marker} attachment"), UploadedUtc = UtcNow, UploadedBy = "probe",
                };
                var evidence = new DirectiveFile
                {
                    DirectiveId = directive.Id, AnswerId = answer.Id, StateId = directiveTarget.StateId, DivisionId = directiveTarget.DivisionId,
                    DistrictId = directiveTarget.DistrictId, FileName = "evidence.jpg", Content = System.Text.Encoding.UTF8.GetBytes($"{marker} evidence"),
                    Thumbnail = System.Text.Encoding.UTF8.GetBytes($"{marker} evidence thumbnail"), UploadedUtc = UtcNow, UploadedBy = "probe",
                };
                db.DirectiveFiles.AddRange(attachment, evidence);
                await db.SaveChangesAsync();
                values["directive"] = directive.Id.ToString();
                values["directivetarget"] = directiveTarget.Id.ToString();
                values["directivefile"] = attachment.Id.ToString();
                values["evidence"] = evidence.Id.ToString();

                // The district in its state's Sangathan Srijan campaign (MP's is the demo's; another state gets one), with the
                // marked person as its observer and on its panel, heard.
                var campaign = await db.SrijanCampaigns.Where(c => c.StateId == home.StateId).OrderBy(c => c.Id).FirstOrDefaultAsync();
                if (campaign is null)
                {
                    campaign = new SrijanCampaign { StateId = home.StateId, NameEn = "Probe campaign", NameHi = "जाँच अभियान", StartedOn = TodayInIndia.AddDays(-10), CreatedUtc = UtcNow, CreatedBy = "probe" };
                    db.SrijanCampaigns.Add(campaign);
                    await db.SaveChangesAsync();
                }
                var srijan = await db.SrijanDistricts.SingleOrDefaultAsync(x => x.CampaignId == campaign.Id && x.TerritoryId == home.Id);
                if (srijan is null)
                {
                    srijan = new SrijanDistrict { CampaignId = campaign.Id, StageSinceUtc = UtcNow };
                    srijan.PlaceAt(home);
                    db.SrijanDistricts.Add(srijan);
                    await db.SaveChangesAsync();
                }
                db.SrijanObservers.Add(new SrijanObserver
                {
                    SrijanDistrictId = srijan.Id, PersonId = person.Id, Level = ObserverLevel.State, StateId = srijan.StateId, DivisionId = srijan.DivisionId,
                    DistrictId = srijan.DistrictId, AssignedUtc = UtcNow, AssignedBy = "probe",
                });
                db.SrijanCandidates.Add(new SrijanCandidate
                {
                    SrijanDistrictId = srijan.Id, PersonId = person.Id, Category = SocialCategory.Obc, Remarks = $"{marker} remarks", StateId = srijan.StateId,
                    DivisionId = srijan.DivisionId, DistrictId = srijan.DistrictId, AddedUtc = UtcNow, AddedBy = "probe",
                    HeardOn = TodayInIndia, HeardBy = "probe", HeardNotes = $"{marker} one-to-one",
                });
                await db.SaveChangesAsync();
                values["srijan"] = srijan.Id.ToString();
            }
            else if (home.Level == TerritoryLevel.Division)
            {
                values["division"] = home.Id.ToString();
            }

            // Names of territories outside the district president's line (not their ancestors) carry the marker too.
            if (target is Target.Sibling or Target.OtherDivision or Target.OtherState)
            {
                home.NameEn = $"{home.NameEn} {marker}";
                await db.SaveChangesAsync();
            }
        }
        return world;
    }
}
