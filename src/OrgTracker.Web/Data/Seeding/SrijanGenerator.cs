using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// The Sangathan Srijan campaign of Madhya Pradesh for the demo, started 45 days ago, its districts at every stage:
/// Dewas has its new president (the old one's tenure ended, replaced), Bhopal's panel of six is submitted with two
/// one-to-ones held (its president not yet chosen), Indore's panel is submitted, Sehore awaits its observers, and the
/// other districts go round the stages in name order. The districts of the demo logins (Bhopal, Indore) keep their
/// presidents: president.bhopal and president.indore are the district presidents every journey signs in as. Observers are state office-bearers; consultations are held meetings at the district
/// with their attendance; candidates are the district's office-bearers. Deterministic for a seed and a day.
/// </summary>
public sealed class SrijanGenerator(AppDbContext db)
{
    public const int StartedDaysAgo = 45;

    private static readonly SocialCategory[] Categories =
        [SocialCategory.Obc, SocialCategory.General, SocialCategory.Sc, SocialCategory.Obc, SocialCategory.St, SocialCategory.General, SocialCategory.Minority];

    private static readonly string[] Remarks =
        ["सक्रिय, सभी ब्लॉकों में पहचान।", "Strong with the youth wing; led the membership drive.", "अनुभवी, संगठन में लंबा काम।", null!, "Good with booth committees.", "महिला मोर्चा में सक्रिय।", null!];

    public async Task<Dictionary<string, long>> GenerateAsync(int seed, IReadOnlyList<Territory> territories, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(seed + 16);
        var nowUtc = now.UtcDateTime;
        var today = IndiaTime.Day(nowUtc);
        var state = territories.FirstOrDefault(t => t.Level == TerritoryLevel.State && t.Code == "MP");
        if (state is null) return [];
        var start = today.AddDays(-StartedDaysAgo);
        DateTime At(int day, int hour = 11) => IndiaTime.ToUtc(start.AddDays(day).ToDateTime(new TimeOnly(hour, 0)));

        var campaign = new SrijanCampaign
        {
            StateId = state.Id, NameEn = $"Sangathan Srijan Abhiyan {start.Year}", NameHi = $"संगठन सृजन अभियान {start.Year}",
            StartedOn = start, CreatedUtc = At(0, 10), CreatedBy = "incharge.mp@demo.orgtracker.in",
        };
        db.SrijanCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);

        var president = await db.Posts.AsNoTracking().SingleAsync(p => p.Code == "PRES" && p.Level == TerritoryLevel.District, ct);
        var observerPool = await db.Appointments.AsNoTracking().Where(a => a.TerritoryId == state.Id && a.To == null)
            .OrderBy(a => a.Id).Select(a => a.PersonId).Distinct().ToListAsync(ct);
        var districts = territories.Where(t => t.Level == TerritoryLevel.District && t.StateId == state.Id).OrderBy(t => t.NameEn).ToList();
        long observers = 0, consultations = 0, candidates = 0, meetings = 0;
        var i = 0;
        foreach (var t in districts)
        {
            var stage = t.NameEn switch
            {
                "Dewas" => SrijanStage.Appointed,
                "Indore" => SrijanStage.PanelSubmitted,
                "Bhopal" => SrijanStage.OneToOnesHeld,
                "Sehore" => SrijanStage.AwaitingObservers,
                _ => (SrijanStage)(i % 6),
            };
            i++;
            var d = new SrijanDistrict { CampaignId = campaign.Id, Stage = SrijanStage.AwaitingObservers, StageSinceUtc = campaign.CreatedUtc };
            d.PlaceAt(t);
            db.SrijanDistricts.Add(d);
            await db.SaveChangesAsync(ct);
            if (stage == SrijanStage.AwaitingObservers) continue;

            // Observers: one central, one state, from the state's office-bearers.
            var assigned = At(2 + rng.Next(5));
            for (var k = 0; k < 2 && observerPool.Count > 0; k++)
            {
                db.SrijanObservers.Add(new SrijanObserver
                {
                    SrijanDistrictId = d.Id, PersonId = observerPool[(i * 2 + k) % observerPool.Count], Level = k == 0 ? ObserverLevel.Central : ObserverLevel.State,
                    StateId = d.StateId, DivisionId = d.DivisionId, DistrictId = d.DistrictId, AssignedUtc = assigned, AssignedBy = campaign.CreatedBy,
                });
                observers++;
            }
            d.Reach(SrijanStage.ObserversAssigned, assigned);
            await db.SaveChangesAsync(ct);
            if (stage == SrijanStage.ObserversAssigned) continue;

            var offices = await db.Appointments.AsNoTracking().Where(a => a.TerritoryId == t.Id && a.To == null && a.WingId == ReferenceData.MainWingId)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.PersonId, a.PostId }).ToListAsync(ct);
            // Consultations: one or two held meetings at the district with the office-bearers invited, most present.
            DateTime consulted = assigned;
            for (var k = 0; k < 1 + rng.Next(2); k++)
            {
                consulted = At(9 + k * 3 + rng.Next(3), 12);
                var m = new Meeting
                {
                    Title = $"संगठन सृजन: {t.NameHi} में रायशुमारी", Type = MeetingType.Campaign, StartsUtc = consulted, EndsUtc = consulted.AddHours(3),
                    Venue = $"{t.NameHi} जिला कार्यालय", Chair = "Observer", Status = MeetingStatus.Held, CreatedUtc = consulted.AddDays(-2), CreatedBy = campaign.CreatedBy,
                };
                m.PlaceAt(t);
                db.Meetings.Add(m);
                await db.SaveChangesAsync(ct);
                foreach (var o in offices.DistinctBy(o => o.PersonId))
                {
                    db.MeetingInvitees.Add(new MeetingInvitee
                    {
                        MeetingId = m.Id, PersonId = o.PersonId, AppointmentId = o.Id, Source = InviteSource.Rule, StateId = t.StateId,
                        DivisionId = t.DivisionId, DistrictId = t.Id, Attendance = rng.Next(10) < 8 ? AttendanceStatus.Present : AttendanceStatus.Absent,
                        MarkedUtc = consulted.AddHours(1),
                    });
                }
                db.SrijanConsultations.Add(new SrijanConsultation
                {
                    SrijanDistrictId = d.Id, MeetingId = m.Id, StateId = d.StateId, DivisionId = d.DivisionId, DistrictId = d.DistrictId,
                    LinkedUtc = consulted.AddHours(4), LinkedBy = campaign.CreatedBy,
                });
                meetings++;
                consultations++;
            }
            d.Reach(SrijanStage.ConsultationsHeld, consulted.AddHours(4));
            await db.SaveChangesAsync(ct);
            if (stage == SrijanStage.ConsultationsHeld) continue;

            // The panel: six or seven of the district's office-bearers (not its president), submitted.
            var names = offices.Where(o => o.PostId != president.Id).Select(o => o.PersonId).Distinct().Take(t.NameEn == "Bhopal" ? 6 : 6 + rng.Next(2)).ToList();
            if (names.Count < 6) continue;
            var panel = new List<SrijanCandidate>();
            for (var k = 0; k < names.Count; k++)
            {
                var c = new SrijanCandidate
                {
                    SrijanDistrictId = d.Id, PersonId = names[k], Category = Categories[(k + i) % Categories.Length], Remarks = Remarks[(k + i) % Remarks.Length],
                    StateId = d.StateId, DivisionId = d.DivisionId, DistrictId = d.DistrictId, AddedUtc = consulted.AddDays(2), AddedBy = campaign.CreatedBy,
                };
                panel.Add(c);
                db.SrijanCandidates.Add(c);
                candidates++;
            }
            var submitted = At(18 + rng.Next(5), 17);
            d.SubmitPanel(panel.Count, 6, submitted, campaign.CreatedBy);
            await db.SaveChangesAsync(ct);
            if (stage == SrijanStage.PanelSubmitted) continue;

            // One-to-ones: two for Bhopal, everyone elsewhere.
            var heardOn = start.AddDays(26 + rng.Next(4));
            foreach (var c in panel.Take(t.NameEn == "Bhopal" ? 2 : panel.Count))
            {
                c.RecordOneToOne(heardOn, "Central observer", "दावेदार ने संगठन की योजना बताई; बूथ स्तर पर पकड़ अच्छी।", today);
                heardOn = heardOn.AddDays(rng.Next(2));
            }
            d.Reach(SrijanStage.OneToOnesHeld, IndiaTime.ToUtc(heardOn.ToDateTime(new TimeOnly(18, 0))));
            await db.SaveChangesAsync(ct);
            if (stage == SrijanStage.OneToOnesHeld) continue;

            // The appointment: the first candidate; the present president's tenure ends, replaced.
            var from = start.AddDays(36 + rng.Next(4));
            var chosen = panel[0];
            var old = await db.Appointments.Where(a => a.TerritoryId == t.Id && a.PostId == president.Id && a.WingId == ReferenceData.MainWingId && a.To == null)
                .OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
            old?.End(from, AppointmentEnd.Replaced, "Sangathan Srijan");
            await db.SaveChangesAsync(ct);
            var appointment = new Appointment { PersonId = chosen.PersonId, PostId = president.Id, WingId = ReferenceData.MainWingId, From = from };
            appointment.PlaceAt(t);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            if (old is not null) old.SuccessorId = appointment.Id;
            d.AppointmentId = appointment.Id;
            d.ChosenCandidateId = chosen.Id;
            d.Reach(SrijanStage.Appointed, IndiaTime.ToUtc(from.ToDateTime(new TimeOnly(12, 0))));
            await db.SaveChangesAsync(ct);
        }
        return new()
        {
            ["srijan_districts"] = districts.Count, ["srijan_observers"] = observers, ["srijan_consultations"] = consultations,
            ["srijan_candidates"] = candidates, ["srijan_meetings"] = meetings,
        };
    }
}
