using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// Directives (निर्देश) for the demo, counted back from today: in Madhya Pradesh one sent to all districts a fortnight
/// ago and overdue now (answered by about half the districts, Indore among them; Bhopal silent, so its president has
/// it to acknowledge and answer), a booth-agent directive to the districts of two divisions due next week, and the
/// social-media office-bearers' Sunday meeting sent yesterday; Indore cascades the first to its blocks (some blocks
/// answered) and issues one of its own to its blocks. Uttar Pradesh gets one directive to all its districts.
/// Deterministic for a seed and a day.
/// </summary>
public sealed class DirectiveGenerator(AppDbContext db)
{
    public async Task<Dictionary<string, long>> GenerateAsync(int seed, IReadOnlyList<Territory> territories, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(seed + 15);
        var nowUtc = now.UtcDateTime;
        var today = IndiaTime.Day(nowUtc);
        var states = territories.Where(t => t.Level == TerritoryLevel.State).ToDictionary(t => t.Code ?? t.NameEn);
        var districts = territories.Where(t => t.Level == TerritoryLevel.District).ToList();
        var divisions = territories.Where(t => t.Level == TerritoryLevel.Division).ToList();
        var blocks = territories.Where(t => t.Level == TerritoryLevel.Block).ToLookup(t => t.ParentId);
        long directives = 0, targets = 0, answers = 0;

        async Task<Directive> IssueAsync(Territory issuer, string by, string en, string hi, int issuedDaysAgo, int dueInDays, IEnumerable<Territory> units)
        {
            var d = new Directive
            {
                TextEn = en, TextHi = hi, DueOn = today.AddDays(dueInDays), IssuedUtc = nowUtc.AddDays(-issuedDaysAgo).AddHours(-3),
                IssuedByUser = by, IssuedByName = Seeder.DemoLogins.FirstOrDefault(l => l.Email == by)?.DisplayName ?? by,
            };
            d.PlaceAt(issuer);
            db.Directives.Add(d);
            await db.SaveChangesAsync(ct);
            foreach (var u in units)
            {
                var x = new DirectiveTarget { DirectiveId = d.Id, CreatedUtc = d.IssuedUtc };
                x.PlaceAt(u);
                db.DirectiveTargets.Add(x);
                targets++;
            }
            await db.SaveChangesAsync(ct);
            directives++;
            return d;
        }

        async Task AnswerAsync(DirectiveTarget x, ComplianceStatus status, string? note, int daysAgo, string by)
        {
            var at = nowUtc.AddDays(-daysAgo).AddHours(-rng.Next(1, 8));
            x.Acknowledge(at.AddHours(-2), by);
            var a = x.Answer(status, note, at, by, Seeder.DemoLogins.FirstOrDefault(l => l.Email == by)?.DisplayName ?? "District President");
            db.DirectiveAnswers.Add(a);
            await db.SaveChangesAsync(ct);
            x.LatestAnswerId = a.Id;
            answers++;
        }

        string[] doneNotes = ["सूची प्रदेश कार्यालय भेज दी है।", "Done in all blocks; list sent.", "सभी ब्लॉकों में पूरा।"];
        string[] partlyNotes = ["आधे ब्लॉकों में काम बाकी है।", "Three blocks still to send their lists.", "Some booths still without an agent."];
        string[] notDoneNotes = ["ज़िला अध्यक्ष बाहर थे; अगले सप्ताह करेंगे।", "Could not be done: the election code of conduct."];

        if (states.TryGetValue("MP", out var mp))
        {
            var mpDistricts = districts.Where(d => d.StateId == mp.Id).OrderBy(d => d.NameEn).ToList();
            var workers = await IssueAsync(mp, "incharge.mp@demo.orgtracker.in",
                "Every district: add new workers in every block and send their list to the state office.",
                "हर ज़िला: हर ब्लॉक में नए कार्यकर्ता जोड़ें और उनकी सूची प्रदेश कार्यालय भेजें।", 14, -2, mpDistricts);
            var booth = await IssueAsync(mp, "incharge.mp@demo.orgtracker.in",
                "Appoint booth agents in all booths of your district.",
                "अपने ज़िले के सभी बूथों पर बूथ एजेंट नियुक्त करें।", 3, 7,
                mpDistricts.Where(d => divisions.Any(v => v.Id == d.DivisionId && (v.NameEn == "Bhopal" || v.NameEn == "Indore"))));
            var sunday = await IssueAsync(mp, "office.mp@demo.orgtracker.in",
                "All social-media office-bearers must attend the state meeting on Sunday.",
                "सभी सोशल मीडिया पदाधिकारी रविवार की प्रदेश बैठक में अवश्य उपस्थित हों।", 1, 4, mpDistricts);

            var byDirective = await db.DirectiveTargets.Where(x => x.StateId == mp.Id).Include(x => x.Territory).ToListAsync(ct);
            foreach (var x in byDirective.Where(x => x.DirectiveId == workers.Id))
            {
                var name = x.Territory!.NameEn;
                if (name == "Bhopal") continue; // silent: the president's to acknowledge and answer
                if (name == "Indore") { await AnswerAsync(x, ComplianceStatus.PartlyDone, partlyNotes[1], 5, "president.indore@demo.orgtracker.in"); continue; }
                var roll = rng.Next(100);
                if (roll < 30) await AnswerAsync(x, ComplianceStatus.Done, doneNotes[rng.Next(doneNotes.Length)], rng.Next(1, 10), "demo");
                else if (roll < 45) await AnswerAsync(x, ComplianceStatus.PartlyDone, partlyNotes[rng.Next(partlyNotes.Length)], rng.Next(1, 10), "demo");
                else if (roll < 52) await AnswerAsync(x, ComplianceStatus.NotDone, notDoneNotes[rng.Next(notDoneNotes.Length)], rng.Next(1, 10), "demo");
                else if (roll < 62) x.Acknowledge(nowUtc.AddDays(-rng.Next(5, 13)), "demo");
            }
            foreach (var x in byDirective.Where(x => x.DirectiveId == booth.Id && x.Territory!.NameEn != "Bhopal"))
            {
                var roll = rng.Next(100);
                if (roll < 25) await AnswerAsync(x, ComplianceStatus.Done, doneNotes[rng.Next(doneNotes.Length)], rng.Next(0, 3), "demo");
                else if (roll < 50) await AnswerAsync(x, ComplianceStatus.PartlyDone, partlyNotes[2], rng.Next(0, 3), "demo");
                else if (roll < 75) x.Acknowledge(nowUtc.AddDays(-rng.Next(0, 3)), "demo");
            }
            foreach (var x in byDirective.Where(x => x.DirectiveId == sunday.Id && x.Territory!.NameEn != "Bhopal"))
                if (rng.Next(100) < 40) x.Acknowledge(nowUtc.AddHours(-rng.Next(1, 20)), "demo");
            await db.SaveChangesAsync(ct);

            // Indore sends the workers' directive on to its blocks, and issues one of its own.
            if (mpDistricts.FirstOrDefault(d => d.NameEn == "Indore") is { } indore)
            {
                var indoreTarget = byDirective.Single(x => x.DirectiveId == workers.Id && x.TerritoryId == indore.Id);
                var indoreBlocks = blocks[indore.Id].OrderBy(b => b.NameEn).ToList();
                var cascaded = new List<DirectiveTarget>();
                foreach (var b in indoreBlocks)
                {
                    var x = new DirectiveTarget { DirectiveId = workers.Id, ParentTargetId = indoreTarget.Id, CreatedUtc = nowUtc.AddDays(-12) };
                    x.PlaceAt(b);
                    db.DirectiveTargets.Add(x);
                    cascaded.Add(x);
                    targets++;
                }
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < cascaded.Count; i++)
                    if (i % 3 == 0) await AnswerAsync(cascaded[i], ComplianceStatus.Done, doneNotes[0], 6, "president.indore@demo.orgtracker.in");
                    else if (i % 3 == 1) await AnswerAsync(cascaded[i], ComplianceStatus.PartlyDone, partlyNotes[0], 6, "president.indore@demo.orgtracker.in");
                await IssueAsync(indore, "president.indore@demo.orgtracker.in",
                    "Every block: hold the block committee meeting before the 10th and send the minutes.",
                    "हर ब्लॉक: 10 तारीख से पहले ब्लॉक कमेटी की बैठक करें और कार्यवृत्त भेजें।", 4, 6, indoreBlocks);
                await db.SaveChangesAsync(ct);
            }
        }
        if (states.TryGetValue("UP", out var up))
        {
            await IssueAsync(up, "incharge.up@demo.orgtracker.in",
                "Every district: send the list of booth committees formed.",
                "हर ज़िला: गठित बूथ समितियों की सूची भेजें।", 6, 3, districts.Where(d => d.StateId == up.Id).OrderBy(d => d.NameEn));
        }
        return new() { ["directives"] = directives, ["directive_targets"] = targets, ["directive_answers"] = answers };
    }
}
