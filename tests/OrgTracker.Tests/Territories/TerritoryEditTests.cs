using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Territories;

public class TerritoryEditTests(AppFactory app) : IntegrationTest(app)
{
    private Task<Territory> BhopalBlockAsync(bool urban) => App.WithDbAsync(db => db.Territories.AsNoTracking()
        .Where(t => t.Level == TerritoryLevel.Block && t.IsUrban == urban && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District))
        .OrderBy(t => t.Id).FirstAsync());

    private Task<Territory> BoothOfAsync(int blockId) => App.WithDbAsync(db => db.Territories.AsNoTracking()
        .Where(t => t.Level == TerritoryLevel.Booth && t.BlockId == blockId).OrderBy(t => t.Id).FirstAsync());

    private static string FieldMessage(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static int IdFromLocation(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Territories/", path);
        return int.Parse(path["/Territories/".Length..]);
    }

    [Fact]
    public async Task State_office_adds_a_block_to_Bhopal_and_a_booth_under_it()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var bhopalDivision = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);

        var form = await GetDocumentAsync(client, $"/Territories/Edit?parent={bhopal}&level=Block");
        Assert.Equal("Add a block", form.QuerySelector("[data-testid=edit-title]")!.TextContent);
        var blockId = IdFromLocation(await PostFormAsync(client, $"/Territories/Edit?parent={bhopal}&level=Block", new()
        {
            ["Input.NameEn"] = "  Kolar ", ["Input.NameHi"] = "कोलार", ["Input.IsUrban"] = "false",
        }));
        var block = await App.WithDbAsync(db => db.Territories.SingleAsync(t => t.Id == blockId));
        Assert.Equal((TerritoryLevel.Block, "Kolar", "कोलार", false), (block.Level, block.NameEn, block.NameHi, block.IsUrban));
        Assert.Equal((bhopal, (int?)mp, (int?)bhopalDivision, (int?)bhopal, (int?)null),
            (block.ParentId!.Value, (int?)block.StateId, block.DivisionId, block.DistrictId, block.BlockId));

        var ac = await App.WithDbAsync(db => db.AssemblyConstituencies.Where(a => a.DistrictId == bhopal).OrderBy(a => a.Number).FirstAsync());
        var boothForm = await GetDocumentAsync(client, $"/Territories/Edit?parent={blockId}&level=Booth");
        Assert.Contains(boothForm.QuerySelectorAll("select[name='Input.AssemblyConstituencyId'] option"), o => o.GetAttribute("value") == ac.Id.ToString());
        var boothId = IdFromLocation(await PostFormAsync(client, $"/Territories/Edit?parent={blockId}&level=Booth", new()
        {
            ["Input.NameEn"] = "Government School Kolar", ["Input.NameHi"] = "शासकीय शाला कोलार",
            ["Input.AssemblyConstituencyId"] = ac.Id.ToString(), ["Input.PartNumber"] = "4000",
        }));
        var booth = await App.WithDbAsync(db => db.Territories.SingleAsync(t => t.Id == boothId));
        Assert.Equal((TerritoryLevel.Booth, (int?)ac.Id, (int?)4000, (int?)blockId, (int?)bhopal, mp),
            (booth.Level, booth.AssemblyConstituencyId, booth.PartNumber, booth.ParentId, booth.DistrictId, booth.StateId));

        var blockPage = await GetDocumentAsync(client, $"/Territories/{blockId}");
        Assert.Contains(blockPage.QuerySelectorAll("[data-testid=children] a"), a => a.TextContent == "Government School Kolar");
    }

    [Fact]
    public async Task State_in_charge_adds_a_ward_to_an_urban_block_and_puts_a_booth_in_it()
    {
        var client = await SignInAsync(InChargeMp);
        var urban = await BhopalBlockAsync(urban: true);
        var wardId = IdFromLocation(await PostFormAsync(client, $"/Territories/Edit?parent={urban.Id}&level=Ward", new()
        {
            ["Input.NameEn"] = "Ward 85", ["Input.NameHi"] = "वार्ड 85",
        }));
        var booth = await BoothOfAsync(urban.Id);
        var form = await GetDocumentAsync(client, $"/Territories/Edit?id={booth.Id}");
        Assert.Contains(form.QuerySelectorAll("select[name='Input.WardId'] option"), o => o.GetAttribute("value") == wardId.ToString());
        var response = await PostFormAsync(client, $"/Territories/Edit?id={booth.Id}", new()
        {
            ["Input.NameEn"] = booth.NameEn, ["Input.NameHi"] = booth.NameHi, ["Input.AssemblyConstituencyId"] = booth.AssemblyConstituencyId.ToString()!,
            ["Input.PartNumber"] = booth.PartNumber.ToString()!, ["Input.WardId"] = wardId.ToString(),
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        });
        Assert.Equal(booth.Id, IdFromLocation(response));
        Assert.Equal(wardId, await App.WithDbAsync(db => db.Territories.Where(t => t.Id == booth.Id).Select(t => t.WardId).SingleAsync()));

        // A rural block has no wards to add.
        var rural = await BhopalBlockAsync(urban: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?parent={rural.Id}&level=Ward")).StatusCode);
    }

    [Fact]
    public async Task Editing_with_a_stale_version_shows_the_conflict_message_and_keeps_the_other_change()
    {
        var block = await BhopalBlockAsync(urban: false);
        var url = $"/Territories/Edit?id={block.Id}";
        var office = await SignInAsync(OfficeMp);
        var inCharge = await SignInAsync(InChargeMp);

        var officeForm = await GetDocumentAsync(office, url);
        var staleVersion = officeForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var inChargeForm = await GetDocumentAsync(inCharge, url);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(inCharge, url, new()
        {
            ["Input.NameEn"] = "Changed by in-charge", ["Input.NameHi"] = block.NameHi, ["Input.IsUrban"] = "false",
            ["Input.Version"] = inChargeForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        })).StatusCode);

        var response = await PostFormAsync(office, url, new()
        {
            ["Input.NameEn"] = "Changed by office", ["Input.NameHi"] = block.NameHi, ["Input.IsUrban"] = "false", ["Input.Version"] = staleVersion,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("Someone else changed this record", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Contains("Changed by in-charge", page.QuerySelector("[data-testid=conflict-current]")!.TextContent);
        Assert.Equal("Changed by office", page.QuerySelector("input[name='Input.NameEn']")!.GetAttribute("value"));
        Assert.Equal("Changed by in-charge", await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block.Id).Select(t => t.NameEn).SingleAsync()));

        // Having seen the other version, saving again is a deliberate choice and goes through.
        var response2 = await PostFormAsync(office, url, new()
        {
            ["Input.NameEn"] = "Changed by office", ["Input.NameHi"] = block.NameHi, ["Input.IsUrban"] = "false",
            ["Input.Version"] = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        });
        Assert.Equal(block.Id, IdFromLocation(response2));
        Assert.Equal("Changed by office", await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block.Id).Select(t => t.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task A_duplicate_part_number_gets_a_field_message_and_nothing_is_saved()
    {
        var client = await SignInAsync(OfficeMp);
        var block = await BhopalBlockAsync(urban: false);
        var existing = await BoothOfAsync(block.Id);
        var before = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth));

        var response = await PostFormAsync(client, $"/Territories/Edit?parent={block.Id}&level=Booth", new()
        {
            ["Input.NameEn"] = "Copy", ["Input.NameHi"] = "प्रतिलिपि",
            ["Input.AssemblyConstituencyId"] = existing.AssemblyConstituencyId.ToString()!, ["Input.PartNumber"] = existing.PartNumber.ToString()!,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("This constituency already has a booth with this part number.", FieldMessage(page, "Input.PartNumber"));
        Assert.Equal(before, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth)));
    }

    [Fact]
    public async Task Bad_input_gets_messages_beside_the_fields_and_nothing_is_saved()
    {
        var client = await SignInAsync(OfficeMp, culture: "hi-IN");
        var block = await BhopalBlockAsync(urban: false);
        var otherDistrictAc = await App.WithDbAsync(db => db.AssemblyConstituencies
            .Where(a => a.DistrictId != block.DistrictId && a.StateId == block.StateId).Select(a => a.Id).FirstAsync());
        var before = await App.WithDbAsync(db => db.Territories.CountAsync());

        var response = await PostFormAsync(client, $"/Territories/Edit?parent={block.Id}&level=Booth", new()
        {
            ["Input.NameEn"] = new string('x', 201), ["Input.NameHi"] = "   ",
            ["Input.AssemblyConstituencyId"] = otherDistrictAc.ToString(), ["Input.PartNumber"] = "12a",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("नाम (अंग्रेज़ी) में अधिकतम 200 अक्षर हो सकते हैं।", FieldMessage(page, "Input.NameEn"));
        Assert.Equal("हिन्दी नाम लिखें।", FieldMessage(page, "Input.NameHi"));
        Assert.Equal("ब्लॉक के जिले का विधानसभा क्षेत्र चुनें।", FieldMessage(page, "Input.AssemblyConstituencyId"));
        Assert.Equal("भाग संख्या 1 से 5000 तक की पूर्ण संख्या होनी चाहिए।", FieldMessage(page, "Input.PartNumber"));
        Assert.Equal(before, await App.WithDbAsync(db => db.Territories.CountAsync()));
    }

    [Fact]
    public async Task Two_blocks_of_a_district_may_not_share_a_name()
    {
        var client = await SignInAsync(OfficeMp);
        var block = await BhopalBlockAsync(urban: false);
        var response = await PostFormAsync(client, $"/Territories/Edit?parent={block.DistrictId}&level=Block", new()
        {
            ["Input.NameEn"] = block.NameEn.ToUpperInvariant(), ["Input.NameHi"] = block.NameHi,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This district already has a block with this name.", FieldMessage(await ParseAsync(response), "Input.NameEn"));
    }

    [Fact]
    public async Task An_urban_block_with_wards_stays_urban()
    {
        var client = await SignInAsync(OfficeMp);
        var urban = await BhopalBlockAsync(urban: true);
        var url = $"/Territories/Edit?id={urban.Id}";
        var form = await GetDocumentAsync(client, url);
        var response = await PostFormAsync(client, url, new()
        {
            ["Input.NameEn"] = urban.NameEn, ["Input.NameHi"] = urban.NameHi, ["Input.IsUrban"] = "false",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This block has wards, so it stays urban.", FieldMessage(await ParseAsync(response), "Input.IsUrban"));
        Assert.True(await App.WithDbAsync(db => db.Territories.Where(t => t.Id == urban.Id).Select(t => t.IsUrban).SingleAsync()));
    }

    [Fact]
    public async Task States_divisions_and_districts_are_not_edited_here()
    {
        var client = await SignInAsync(InChargeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?id={bhopal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?parent={mp}&level=District")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?parent={bhopal}&level=Nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Territories/Edit")).StatusCode);
    }

    [Theory]
    [InlineData(PresidentBhopal)]
    [InlineData(DivisionBhopal)]
    public async Task District_president_and_division_in_charge_are_forbidden_to_edit_and_import(string user)
    {
        var client = await SignInAsync(user);
        var block = await BhopalBlockAsync(urban: false);
        foreach (var url in new[]
                 {
                     $"/Territories/Edit?id={block.Id}", $"/Territories/Edit?parent={block.DistrictId}&level=Block",
                     "/Territories/Import", "/Territories/Import?handler=Sample",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        }
        // Posting is refused as well, and changes nothing.
        var post = await PostFormAsync(client, $"/Territories/Edit?id={block.Id}",
            new() { ["Input.NameEn"] = "Taken over", ["Input.NameHi"] = "कब्ज़ा" }, formPage: $"/Territories/{block.DistrictId}");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString);
        Assert.Equal(block.NameEn, await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block.Id).Select(t => t.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task The_UP_state_in_charge_gets_404_editing_an_MP_block()
    {
        var client = await SignInAsync(InChargeUp);
        var block = await BhopalBlockAsync(urban: false);
        var response = await client.GetAsync($"/Territories/Edit?id={block.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(block.NameEn, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?parent={block.Id}&level=Booth")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Edit?parent={block.DistrictId}&level=Block")).StatusCode);

        var post = await PostFormAsync(client, $"/Territories/Edit?id={block.Id}",
            new() { ["Input.NameEn"] = "Taken over", ["Input.NameHi"] = "कब्ज़ा" }, formPage: "/Territories/Import");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(block.NameEn, await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block.Id).Select(t => t.NameEn).SingleAsync()));
    }
}
