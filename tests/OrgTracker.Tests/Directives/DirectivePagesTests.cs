using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using SkiaSharp;

namespace OrgTracker.Tests.Directives;

/// <summary>
/// Directives (निर्देश) over HTTP: issuing (and its refusals), who sees what, acknowledging and versioned answers,
/// cascading to blocks, the compliance grid, its export and the dashboards' figures. The demo data holds an MP
/// directive to all districts, overdue, that Bhopal has not answered (Data/Seeding/DirectiveGenerator.cs).
/// </summary>
public class DirectivePagesTests(AppFactory app) : IntegrationTest(app)
{
    private const string Workers = "Every district: add new workers in every block and send their list to the state office.";

    private Task<int> WorkersDirectiveAsync() => App.WithDbAsync(db => db.Directives.Where(d => d.TextEn == Workers).Select(d => d.Id).SingleAsync());

    private Task<DirectiveTarget> TargetAsync(int directiveId, int territoryId) =>
        App.WithDbAsync(db => db.DirectiveTargets.AsNoTracking().SingleAsync(x => x.DirectiveId == directiveId && x.TerritoryId == territoryId));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static Dictionary<string, string> IssueForm(string? en, string? hi, DateOnly due, string send) =>
        new() { ["Input.TextEn"] = en ?? "", ["Input.TextHi"] = hi ?? "", ["Input.DueOn"] = Day(due), ["Input.Send"] = send };

    /// <summary>Posts the issue form with repeated fields (chosen divisions or units).</summary>
    private static async Task<HttpResponseMessage> IssueAsync(HttpClient client, Dictionary<string, string> fields, params (string Key, string Value)[] repeated)
    {
        var page = await client.GetStringAsync("/Directives/Issue");
        var doc = await HtmlForms.ParseAsync(page);
        var form = doc.QuerySelector("form[data-testid=issue-form]")!;
        var all = HtmlForms.Fields(form).Where(kv => kv.Key.StartsWith("__", StringComparison.Ordinal) || kv.Key.StartsWith("Idempotency", StringComparison.OrdinalIgnoreCase))
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        all.AddRange(fields);
        all.AddRange(repeated.Select(r => new KeyValuePair<string, string>(r.Key, r.Value)));
        return await client.PostAsync("/Directives/Issue", new FormUrlEncodedContent(all));
    }

    /// <summary>The answer form's own fields (token, version) with the given ones, as multipart with photos.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, int targetId, string status, string? note, params byte[][] photos)
    {
        var doc = await GetDocumentAsync(client, $"/Directives/Answer/{targetId}");
        var form = doc.QuerySelector("form[data-testid=answer-form]");
        Assert.NotNull(form);
        var fields = HtmlForms.Fields(form!);
        fields["Input.Status"] = status;
        fields["Input.Note"] = note ?? "";
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        var n = 0;
        foreach (var p in photos)
        {
            var part = new ByteArrayContent(p);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, "Input.Photos", $"photo{++n}.png");
        }
        return await client.PostAsync($"/Directives/Answer/{targetId}?handler=Answer", content);
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static string Error(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Issuing_without_text_with_a_past_due_date_or_without_targets_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var client = await SignInAsync(InChargeMp);
        var before = await App.WithDbAsync(db => db.Directives.CountAsync());

        var empty = await IssueAsync(client, IssueForm("  ", "", TodayInIndia.AddDays(3), "all"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Write the directive in Hindi or English.", Error(await ParseAsync(empty), "Input.TextHi"));

        var past = await IssueAsync(client, IssueForm("Send the lists", null, TodayInIndia.AddDays(-1), "all"));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Equal("The due date cannot be in the past.", Error(await ParseAsync(past), "Input.DueOn"));

        var none = await IssueAsync(client, IssueForm("Send the lists", null, TodayInIndia.AddDays(3), "units"));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("Choose the districts or divisions to send it to.", Error(await ParseAsync(none), "Input.Send"));

        Assert.Equal(before, await App.WithDbAsync(db => db.Directives.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.DirectiveTargets.CountAsync(x => x.Directive!.TextEn == "Send the lists")));
    }

    [Fact]
    public async Task The_state_sends_a_directive_to_the_districts_of_a_division_and_a_division_in_charge_may_not_issue()
    {
        var client = await SignInAsync(InChargeMp);
        var division = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var response = await IssueAsync(client, IssueForm("Appoint booth agents", "बूथ एजेंट नियुक्त करें", TodayInIndia.AddDays(5), "divisions"),
            ("Input.DivisionIds", division.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var sent = await App.WithDbAsync(db => db.DirectiveTargets.Where(x => x.DirectiveId == id).Select(x => x.TerritoryId).OrderBy(x => x).ToListAsync());
        var expected = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.District && t.DivisionId == division).Select(t => t.Id).OrderBy(x => x).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, sent);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Directive" && a.Action == "Added" && a.UserName == InChargeMp)));

        var divisionInCharge = await SignInAsync(DivisionBhopal);
        Assert.Equal(HttpStatusCode.Redirect, (await divisionInCharge.GetAsync("/Directives/Issue")).StatusCode); // to access denied
    }

    /// <summary>Posts the issue form as multipart with an attachment.</summary>
    private static async Task<HttpResponseMessage> IssueWithAttachmentAsync(HttpClient client, Dictionary<string, string> fields, int unit, byte[] file, string name, string type)
    {
        var doc = await GetDocumentAsync(client, "/Directives/Issue");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in HtmlForms.Fields(doc.QuerySelector("form[data-testid=issue-form]")!).Where(f => f.Key.StartsWith("__", StringComparison.Ordinal)))
            content.Add(new StringContent(v), k);
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        content.Add(new StringContent(unit.ToString()), "Input.UnitIds");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(part, "Input.Attachment", name);
        return await client.PostAsync("/Directives/Issue", content);
    }

    [Fact]
    public async Task The_circular_is_attached_as_a_PDF_seen_by_Bhopal_not_by_Indore_and_anything_else_is_refused()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = await App.WithDbAsync(db => db.Directives.CountAsync());
        var refused = await IssueWithAttachmentAsync(client, IssueForm("See the circular", null, TodayInIndia.AddDays(3), "units"), bhopal,
            Encoding.UTF8.GetBytes("MZ not a circular"), "circular.exe", "application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("circular.exe is not a photo (JPEG, PNG or WebP) or a PDF. Nothing was saved.", Error(await ParseAsync(refused), "Input.Attachment"));
        Assert.Equal(before, await App.WithDbAsync(db => db.Directives.CountAsync()));

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% a circular\n%%EOF\n");
        var response = await IssueWithAttachmentAsync(client, IssueForm("See the circular", null, TodayInIndia.AddDays(3), "units"), bhopal, pdf, "circular.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var president = await SignInAsync(PresidentBhopal);
        var details = await GetDocumentAsync(president, $"/Directives/Details/{id}");
        var link = details.QuerySelector("[data-testid=attachment]")!.GetAttribute("href")!;
        var file = await president.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(PresidentIndore)).GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_district_president_issues_to_chosen_blocks_of_their_own_district_only()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var blocks = await App.WithDbAsync(db => db.Territories.Where(t => t.ParentId == bhopal && t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync());
        var indoreBlock = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Block && t.Parent!.NameEn == "Indore").Select(t => t.Id).FirstAsync());
        var response = await IssueAsync(client, IssueForm(null, "ब्लॉक बैठक करें", TodayInIndia, "units"),
            ("Input.UnitIds", blocks[0].ToString()), ("Input.UnitIds", blocks[1].ToString()), ("Input.UnitIds", indoreBlock.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var d = await App.WithDbAsync(db => db.Directives.SingleAsync(x => x.Id == id));
        Assert.Equal(bhopal, d.IssuedById);
        Assert.Equal(bhopal, d.DistrictId);
        Assert.Equal(blocks, await App.WithDbAsync(db => db.DirectiveTargets.Where(x => x.DirectiveId == id).Select(x => x.TerritoryId).OrderBy(x => x).ToListAsync()));
    }

    [Fact]
    public async Task A_directive_sent_to_Bhopal_alone_is_nothing_to_Indore_or_to_another_state()
    {
        var inCharge = await SignInAsync(InChargeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var response = await IssueAsync(inCharge, IssueForm("Only for Bhopal: the lake-front rally", null, TodayInIndia.AddDays(2), "units"), ("Input.UnitIds", bhopal.ToString()));
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var target = await TargetAsync(id, bhopal);
        var workersBhopal = await TargetAsync(await WorkersDirectiveAsync(), bhopal);

        var president = await SignInAsync(PresidentBhopal);
        Assert.Contains("Only for Bhopal", await president.GetStringAsync("/Directives/Index"));
        Assert.Contains("Only for Bhopal", await president.GetStringAsync($"/Directives/Details/{id}"));

        var indore = await SignInAsync(PresidentIndore);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Directives/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Directives/Answer/{target.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Directives/Answer/{workersBhopal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Directives/Cascade/{workersBhopal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Directives/Grid?territory={bhopal}")).StatusCode);
        var list = await indore.GetStringAsync("/Directives/Index");
        var grid = await GetDocumentAsync(indore, "/Directives/Grid");
        Assert.DoesNotContain("Only for Bhopal", list);
        Assert.DoesNotContain(grid.QuerySelectorAll("[data-testid=grid-row]"), r => r.GetAttribute("data-unit") == "Bhopal");
        Assert.DoesNotContain(grid.QuerySelectorAll("[data-testid=grid-directive]"), c => c.GetAttribute("data-id") == id.ToString());
        // Answering someone else's unit: not found, and nothing written.
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(indore, $"/Directives/Answer/{workersBhopal.Id}?handler=Acknowledge", new(),
            formPage: "/Directives/Index")).StatusCode);

        var up = await SignInAsync(InChargeUp);
        Assert.Equal(HttpStatusCode.NotFound, (await up.GetAsync($"/Directives/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await up.GetAsync($"/Directives/Answer/{target.Id}")).StatusCode);
        Assert.DoesNotContain("Only for Bhopal", await up.GetStringAsync("/Directives/Index"));
        Assert.Null((await TargetAsync(await WorkersDirectiveAsync(), bhopal)).AcknowledgedUtc);
    }

    [Fact]
    public async Task Bhopal_acknowledges_then_answers_twice_and_both_answers_are_kept_with_the_latest_shown()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var directive = await WorkersDirectiveAsync();
        var target = await TargetAsync(directive, bhopal);
        Assert.Null(target.AcknowledgedUtc);
        Assert.Null(target.LatestStatus);
        var client = await SignInAsync(PresidentBhopal);
        var list = await GetDocumentAsync(client, "/Directives/Index");
        Assert.Contains(list.QuerySelectorAll("[data-testid=to-answer-item]"), a => a.GetAttribute("href") == $"/Directives/Answer/{target.Id}");

        var ack = await PostFormAsync(client, $"/Directives/Answer/{target.Id}?handler=Acknowledge", new(), formPage: $"/Directives/Answer/{target.Id}");
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.NotNull((await TargetAsync(directive, bhopal)).AcknowledgedUtc);

        // Not done needs a note.
        var noNote = await AnswerAsync(client, target.Id, "NotDone", null);
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal("Write a note: what is left and why.", Error(await ParseAsync(noNote), "Input.Note"));

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, target.Id, "PartlyDone", "Five blocks of twelve have sent lists.", Png())).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, target.Id, "Done", "सभी ब्लॉकों की सूची भेज दी।")).StatusCode);

        var answers = await App.WithDbAsync(db => db.DirectiveAnswers.Where(a => a.TargetId == target.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([ComplianceStatus.PartlyDone, ComplianceStatus.Done], answers.Select(a => a.Status));
        Assert.Equal("Five blocks of twelve have sent lists.", answers[0].Note);
        var now = await TargetAsync(directive, bhopal);
        Assert.Equal(ComplianceStatus.Done, now.LatestStatus);
        Assert.Equal(answers[1].Id, now.LatestAnswerId);
        Assert.Equal(1, await App.WithDbAsync(db => db.DirectiveFiles.CountAsync(f => f.AnswerId == answers[0].Id && f.ContentType == DirectiveFile.Jpeg)));

        var page = await GetDocumentAsync(client, $"/Directives/Answer/{target.Id}");
        var shown = page.QuerySelectorAll("[data-testid=answer]");
        Assert.Equal(["Done", "PartlyDone"], shown.Select(a => a.GetAttribute("data-status")));
        Assert.NotNull(shown[0].QuerySelector("[data-testid=latest]"));
        var photo = shown[1].QuerySelector("img")!.GetAttribute("src")!;
        var image = await client.GetAsync(photo);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        // The evidence is the district's: Indore cannot fetch it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(PresidentIndore)).GetAsync(photo)).StatusCode);
        // The state in-charge reads the answers but cannot answer for the district.
        var inCharge = await SignInAsync(InChargeMp);
        var read = await GetDocumentAsync(inCharge, $"/Directives/Answer/{target.Id}");
        Assert.Equal(2, read.QuerySelectorAll("[data-testid=answer]").Length);
        Assert.Null(read.QuerySelector("form[data-testid=answer-form]"));
        var refused = await PostFormAsync(inCharge, $"/Directives/Answer/{target.Id}?handler=Acknowledge", new(), formPage: $"/Directives/Answer/{target.Id}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
        Assert.Equal(2, await App.WithDbAsync(db => db.DirectiveAnswers.CountAsync(a => a.TargetId == target.Id)));
    }

    [Fact]
    public async Task An_answer_posted_over_someone_elses_newer_answer_is_refused_and_nothing_is_saved()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var target = await TargetAsync(await WorkersDirectiveAsync(), bhopal);
        var client = await SignInAsync(PresidentBhopal);
        var doc = await GetDocumentAsync(client, $"/Directives/Answer/{target.Id}");
        var stale = HtmlForms.Fields(doc.QuerySelector("form[data-testid=answer-form]")!);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, target.Id, "Done", null)).StatusCode);
        stale["Input.Status"] = "NotDone";
        stale["Input.Note"] = "Stale form";
        var response = await client.PostAsync($"/Directives/Answer/{target.Id}?handler=Answer", new FormUrlEncodedContent(stale));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("answered for", (await ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(1, await App.WithDbAsync(db => db.DirectiveAnswers.CountAsync(a => a.TargetId == target.Id)));
    }

    [Fact]
    public async Task Bhopal_cascades_the_directive_to_two_blocks_and_their_answers_show_beneath_the_districts()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var directive = await WorkersDirectiveAsync();
        var target = await TargetAsync(directive, bhopal);
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, $"/Directives/Cascade/{target.Id}");
        var boxes = page.QuerySelectorAll("[data-testid=block-list] input[type=checkbox]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.True(boxes.Count >= 2);
        var token = HtmlForms.Fields(page.QuerySelector("form[data-testid=cascade-form]")!)["__RequestVerificationToken"];
        var response = await client.PostAsync($"/Directives/Cascade/{target.Id}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("BlockIds", boxes[0]), new("BlockIds", boxes[1])]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var blocks = await App.WithDbAsync(db => db.DirectiveTargets.AsNoTracking().Where(x => x.ParentTargetId == target.Id).OrderBy(x => x.TerritoryId).ToListAsync());
        Assert.Equal(boxes.Take(2).Select(int.Parse).Order(), blocks.Select(b => b.TerritoryId));

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, blocks[0].Id, "Done", null)).StatusCode);
        var details = await GetDocumentAsync(client, $"/Directives/Details/{directive}");
        var rows = details.QuerySelectorAll("[data-testid=target]").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Bhopal", rows[0].GetAttribute("data-unit"));
        Assert.All(rows.Skip(1), r => Assert.Contains("↳", r.TextContent));
        var answeredBlock = await App.WithDbAsync(db => db.Territories.Where(t => t.Id == blocks[0].TerritoryId).Select(t => t.NameEn).SingleAsync());
        var answered = rows.Single(r => r.GetAttribute("data-unit") == answeredBlock);
        Assert.Equal("false", answered.GetAttribute("data-red"));
        Assert.Equal("Done", answered.QuerySelector("[data-testid=status]")!.TextContent);

        // Sending again skips blocks already sent it; a block's target does not cascade.
        page = await GetDocumentAsync(client, $"/Directives/Cascade/{target.Id}");
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=block-list] input[disabled]").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Directives/Cascade/{blocks[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task The_in_charges_grid_shows_the_directive_red_for_silent_and_overdue_districts_with_a_reminder_link()
    {
        var client = await SignInAsync(InChargeMp);
        var directive = await WorkersDirectiveAsync();
        var grid = await GetDocumentAsync(client, "/Directives/Grid");
        Assert.Contains(grid.QuerySelectorAll("[data-testid=grid-directive]"), c => c.GetAttribute("data-id") == directive.ToString());
        IElement Cell(string unit) => grid.QuerySelectorAll("[data-testid=grid-row]").Single(r => r.GetAttribute("data-unit") == unit)
            .QuerySelectorAll("[data-testid=cell]").Single(c => c.GetAttribute("data-directive") == directive.ToString());
        Assert.Equal("true", Cell("Bhopal").GetAttribute("data-red"));
        Assert.Contains("No answer", Cell("Bhopal").TextContent);
        // Indore reported partly done: still overdue, so red; a district that reported done is not.
        Assert.Equal("true", Cell("Indore").GetAttribute("data-red"));
        var done = await App.WithDbAsync(db => db.DirectiveTargets.Where(x => x.DirectiveId == directive && x.LatestStatus == ComplianceStatus.Done && x.Level == TerritoryLevel.District)
            .Select(x => x.Territory!.NameEn).FirstAsync());
        Assert.Equal("false", Cell(done).GetAttribute("data-red"));

        // Totals and the roll-up by division equal a fresh count.
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var targets = await App.WithDbAsync(db => db.DirectiveTargets.AsNoTracking().Include(x => x.Directive)
            .Where(x => x.StateId == mp && x.Level == TerritoryLevel.District).ToListAsync());
        int N(string id) => int.Parse(grid.QuerySelector($"[data-testid={id}]")!.TextContent.Replace(",", ""));
        Assert.Equal(targets.Count, N("total-sent"));
        Assert.Equal(targets.Count(x => x.LatestStatus is null), N("total-silent"));
        Assert.Equal(targets.Count(x => x.IsOverdue(x.Directive!.DueOn, TodayInIndia)), N("total-overdue"));
        Assert.Equal(targets.Select(x => x.DivisionId).Distinct().Count(), grid.QuerySelectorAll("[data-testid=rollup-row]").Length);

        // The directive's page offers a WhatsApp reminder for Bhopal, with the link to Bhopal's answer page.
        var details = await GetDocumentAsync(client, $"/Directives/Details/{directive}");
        var bhopalRow = details.QuerySelectorAll("[data-testid=target]").Single(r => r.GetAttribute("data-unit") == "Bhopal");
        var remind = bhopalRow.QuerySelector("[data-testid=remind]")!.GetAttribute("href")!;
        Assert.StartsWith("https://wa.me/?text=", remind);
        var bhopalTarget = await TargetAsync(directive, await TerritoryIdAsync("Bhopal", TerritoryLevel.District));
        Assert.Contains($"/Directives/Answer/{bhopalTarget.Id}", Uri.UnescapeDataString(remind));
    }

    [Fact]
    public async Task The_grid_exports_one_row_per_district_and_directive_with_its_compliance()
    {
        var client = await SignInAsync(InChargeMp);
        var response = await client.GetAsync("/Directives/Grid?export=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var expected = await App.WithDbAsync(db => db.DirectiveTargets.CountAsync(x => x.Level == TerritoryLevel.District && x.StateId == mp));
        Assert.Equal(expected + 1, lines.Length);
        Assert.StartsWith("Directive no.,Directive,Due on,Unit,Level,Acknowledged,Compliance,Answered on,Overdue", lines[0]);
        var directive = await WorkersDirectiveAsync();
        var bhopal = lines.Single(l => l.StartsWith($"{directive},", StringComparison.Ordinal) && l.Contains(",Bhopal,District,", StringComparison.Ordinal));
        Assert.EndsWith(",,No answer,,Yes", bhopal);
        Assert.Contains(lines, l => l.StartsWith($"{directive},", StringComparison.Ordinal) && l.Contains(",Indore,District,", StringComparison.Ordinal) && l.Contains(",Partly done,", StringComparison.Ordinal));
        // Indore's export holds only Indore and its blocks.
        var indore = await (await SignInAsync(PresidentIndore)).GetStringAsync("/Directives/Grid?export=csv");
        Assert.DoesNotContain(",Bhopal,", indore);
        Assert.Contains(",Indore,District,", indore);
    }

    /// <summary>The dashboard's directive figures of a territory computed from the answers themselves (the latest answer by id).</summary>
    private Task<(int Open, int Answered, int Overdue)> FreshCountAsync(int territoryId, bool districtsOnly) => App.WithDbAsync(async db =>
    {
        var targets = await db.DirectiveTargets.AsNoTracking()
            .Where(x => x.StateId == territoryId || x.DivisionId == territoryId || x.DistrictId == territoryId)
            .Where(x => !districtsOnly || x.Level == TerritoryLevel.District)
            .Select(x => new { x.Id, x.Directive!.DueOn }).ToListAsync();
        var ids = targets.Select(t => t.Id).ToList();
        var latest = (await db.DirectiveAnswers.Where(a => ids.Contains(a.TargetId)).Select(a => new { a.TargetId, a.Id, a.Status }).ToListAsync())
            .GroupBy(a => a.TargetId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.Status);
        var open = targets.Count(t => latest.GetValueOrDefault(t.Id) != ComplianceStatus.Done);
        var overdue = targets.Count(t => latest.GetValueOrDefault(t.Id) != ComplianceStatus.Done && t.DueOn < TodayInIndia);
        return (open, latest.Count, overdue);
    });

    private static async Task<(int Open, int Answered, int Overdue)> ShownAsync(HttpClient client, int territoryId)
    {
        var page = await GetDocumentAsync(client, $"/Dashboard/{territoryId}");
        int N(string id) => int.Parse(page.QuerySelector($"[data-testid={id}]")!.TextContent.Replace(",", "").Trim());
        return (N("directives-open"), N("directives-answered"), N("directives-overdue"));
    }

    [Fact]
    public async Task The_dashboards_directive_figures_equal_a_fresh_count_before_and_after_answers()
    {
        var inCharge = await SignInAsync(InChargeMp);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var division = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var state = await FreshCountAsync(mp, districtsOnly: true);
        Assert.True(state.Open > 0 && state.Answered > 0 && state.Overdue > 0, $"the demo has open, answered and overdue directives: {state}");
        Assert.Equal(state, await ShownAsync(inCharge, mp));
        Assert.Equal(await FreshCountAsync(division, districtsOnly: true), await ShownAsync(inCharge, division));
        // A district counts its own directives and its blocks' (Indore cascaded one and issued one of its own).
        var indoreFresh = await FreshCountAsync(indore, districtsOnly: false);
        Assert.Equal(indoreFresh, await ShownAsync(await SignInAsync(PresidentIndore), indore));

        var president = await SignInAsync(PresidentBhopal);
        var before = await ShownAsync(president, bhopal);
        Assert.Equal(await FreshCountAsync(bhopal, districtsOnly: false), before);
        var target = await TargetAsync(await WorkersDirectiveAsync(), bhopal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(president, target.Id, "Done", null)).StatusCode);
        var after = await ShownAsync(president, bhopal);
        Assert.Equal(await FreshCountAsync(bhopal, districtsOnly: false), after);
        Assert.Equal((before.Open - 1, before.Answered + 1, before.Overdue - 1), after);
        Assert.Equal(await FreshCountAsync(mp, districtsOnly: true), await ShownAsync(inCharge, mp));
    }

    [Fact]
    public async Task The_pages_speak_Hindi_to_a_Hindi_reader()
    {
        var client = await SignInAsync(PresidentBhopal, culture: "hi-IN");
        var target = await TargetAsync(await WorkersDirectiveAsync(), await TerritoryIdAsync("Bhopal", TerritoryLevel.District));
        var page = (await GetDocumentAsync(client, $"/Directives/Answer/{target.Id}")).Body!.TextContent;
        Assert.Contains("पावती दें", page);
        Assert.Contains("हर ज़िला: हर ब्लॉक में नए कार्यकर्ता जोड़ें", page);
        Assert.Contains("अनुपालन", page);
        Assert.Contains("निर्देश", (await GetDocumentAsync(client, "/Directives/Index")).Body!.TextContent);
    }
}
