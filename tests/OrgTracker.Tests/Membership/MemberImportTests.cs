using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;
using OrgTracker.Web.Pages.Membership;
using Member = OrgTracker.Web.Domain.Member;

namespace OrgTracker.Tests.Membership;

public class MemberImportTests(AppFactory app) : MembershipTest(app)
{
    /// <summary>A file with good rows on lines 2, 3 and 7 and one bad row for each rule on the others.</summary>
    private async Task<string> MixedFileAsync(string district = "Indore")
    {
        var (ac, part) = await BoothCodeAsync((await BoothInAsync(district)).Id);
        return $"""
            {Header}
            Ramesh Kumar,98111 20001,{ac},{part},M,1980,paper,2026-10-05,Suresh
            सुनीता देवी,+91-98111-20002,{ac},{part},F,1975,online,05-10-2026,
            ,9811120003,{ac},{part},M,1980,paper,2026-10-05,
            No Mobile,,{ac},{part},M,1980,paper,2026-10-05,
            Bad Mobile,12345,{ac},{part},M,1980,paper,2026-10-05,
            Third Good,9811120006,{ac},{part},,,,,
            Unknown Booth,9811120007,{ac},9999,M,1980,paper,2026-10-05,
            Bad Gender,9811120008,{ac},{part},X,1980,paper,2026-10-05,
            Too Young,9811120009,{ac},{part},M,2020,paper,2026-10-05,
            Bad Date,9811120010,{ac},{part},M,1980,paper,2026-13-45,
            Before Drive,9811120011,{ac},{part},M,1980,paper,2025-01-01,
            Repeated,9811120001,{ac},{part},M,1980,paper,2026-10-05,
            Bad Channel,9811120013,{ac},{part},M,1980,pigeon,2026-10-05,
            """;
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_number_and_reason_and_good_rows_go_in()
    {
        var drive = await MpDriveAsync();
        var (job, errors) = await ImportAsync(drive, await MixedFileAsync());
        Assert.Equal(ImportStatus.Done, job.Status);
        Assert.Equal(13, job.RowsRead);
        Assert.Equal(3, job.Added);
        Assert.Equal(10, job.ErrorRows);
        var expected = new Dictionary<int, string>
        {
            [4] = ImportProblems.NameMissing, [5] = ImportProblems.MobileMissing, [6] = ImportProblems.MobileInvalid,
            [8] = ImportProblems.BoothUnknown, [9] = ImportProblems.GenderInvalid, [10] = ImportProblems.BirthYearInvalid,
            [11] = ImportProblems.DateInvalid, [12] = ImportProblems.DateOutsideDrive, [13] = ImportProblems.DuplicateInFile,
            [14] = ImportProblems.ChannelInvalid,
        };
        Assert.Equal(expected.Keys.Order(), errors.Select(e => e.Line).Where(l => l != 3));
        foreach (var e in errors.Where(e => expected.ContainsKey(e.Line))) Assert.Equal(expected[e.Line], e.Problems);
        Assert.Equal(2, errors.Single(e => e.Line == 13).OtherLine);
        // Line 3 is good: a Hindi name and a date written dd-mm-yyyy.
        Assert.DoesNotContain(errors, e => e.Line == 3);
        var hindi = (await MemberAsync(drive, 919811120002))!;
        Assert.Equal("सुनीता देवी", hindi.Name);
        Assert.Equal(new DateOnly(2026, 10, 5), hindi.EnrolledOn);
        Assert.Equal(EnrolmentChannel.Online, hindi.Channel);
        Assert.Equal(job.Id, hindi.ImportJobId);
        Assert.Equal(3, hindi.ImportLine);
        // The import is audited once, not once per member.
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "MemberImport" && a.EntityId == job.Id.ToString())));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Member))));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var drive = await MpDriveAsync();
        var file = await MixedFileAsync();
        var (first, firstErrors) = await ImportAsync(drive, file);
        var count = await CountAsync(db => db.Members.Where(m => m.DriveId == drive));
        var (second, secondErrors) = await ImportAsync(drive, file);
        Assert.Equal(0, second.Added);
        Assert.Equal(first.Added, second.AlreadyPresent);
        Assert.Equal(count, await CountAsync(db => db.Members.Where(m => m.DriveId == drive)));
        // The same bad rows, for the same reasons.
        Assert.Equal(firstErrors.Select(e => (e.Line, e.Problems, e.OtherLine)), secondErrors.Select(e => (e.Line, e.Problems, e.OtherLine)));
    }

    [Fact]
    public async Task A_mobile_number_in_an_earlier_file_with_another_name_is_a_duplicate_in_the_drive()
    {
        var drive = await MpDriveAsync();
        var booth = await BoothInAsync("Indore");
        var (ac, part) = await BoothCodeAsync(booth.Id);
        await ImportAsync(drive, $"{Header}\nFirst File,9811130001,{ac},{part},M,1980,paper,2026-10-05,\n");
        var (job, errors) = await ImportAsync(drive, $"{Header}\nNew Person,9811130002,{ac},{part},M,1980,paper,2026-10-05,\nSomeone Else,9811130001,{ac},{part},M,1980,paper,2026-10-05,\n");
        Assert.Equal(1, job.Added);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(ImportProblems.DuplicateInDrive, error.Problems);
        Assert.Equal(booth.Id, error.OtherBoothId);
        Assert.Equal("First File", (await MemberAsync(drive, 919811130001))!.Name);
    }

    [Fact]
    public async Task A_district_president_imports_only_into_their_district_and_is_not_told_where_other_numbers_are()
    {
        var drive = await MpDriveAsync();
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Bhopal")).Id);
        var (ownAc, ownPart) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        var bhopalMember = await SeededMemberInAsync(drive, "Bhopal");
        var (job, errors) = await ImportAsync(drive,
            $"{Header}\nIn Bhopal,9811140001,{ac},{part},M,1980,paper,2026-10-05,\nElsewhere,{bhopalMember.Mobile},{ownAc},{ownPart},M,1980,paper,2026-10-05,\n",
            district: "Indore");
        Assert.Equal(0, job.Added);
        Assert.Equal(ImportProblems.BoothUnknown, errors[0].Problems);
        Assert.Equal(ImportProblems.DuplicateInDrive, errors[1].Problems);

        // The report names the booth for the state office, not for the Indore president.
        var L = App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Web.SharedResource>>();
        async Task<string> ReportAsync(Web.Authorization.UserScope? reader) => await App.WithDbAsync(async db =>
        {
            using var stream = new MemoryStream();
            await Tabular.WriteCsvAsync(stream, MemberImportReport.Header, MemberImportReport.RowsAsync(db, job.Id, reader, L, CancellationToken.None), CancellationToken.None);
            return Encoding.UTF8.GetString(stream.ToArray());
        });
        var bhopalBooth = await App.WithDbAsync(db => db.Territories.SingleAsync(t => t.Id == bhopalMember.BoothId));
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var forPresident = await ReportAsync(new(Roles.DistrictPresident, state, TerritoryLevel.District, indore));
        Assert.Contains("This mobile number is already enrolled in this drive.", forPresident);
        Assert.DoesNotContain(bhopalBooth.NameEn, forPresident);
        Assert.Contains(bhopalBooth.NameEn, await ReportAsync(new(Roles.StateOffice, state, TerritoryLevel.State, state)));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_reported_on_line_1()
    {
        var drive = await MpDriveAsync();
        var (job, errors) = await ImportAsync(drive, "naam,phone\nRamesh,9811150001\n");
        Assert.Equal(ImportStatus.Done, job.Status);
        Assert.Equal(0, job.Added);
        Assert.Equal((1, ImportProblems.MissingColumns), (errors.Single().Line, errors.Single().Problems));
    }

    [Fact]
    public async Task Hindi_column_names_and_excel_files_are_accepted()
    {
        var drive = await MpDriveAsync();
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["नाम"] = "रमेश", ["मोबाइल"] = 9811160001L, ["विधानसभा क्रमांक"] = ac, ["भाग संख्या"] = part, ["दिनांक"] = new DateTime(2026, 10, 7) },
            new Dictionary<string, object?> { ["नाम"] = "गलत", ["मोबाइल"] = "123", ["विधानसभा क्रमांक"] = ac, ["भाग संख्या"] = part, ["दिनांक"] = null },
        });
        var (job, errors) = await ImportAsync(drive, xlsx.ToArray(), fileName: "forms.xlsx");
        Assert.Equal(ImportStatus.Done, job.Status);
        Assert.Equal(1, job.Added);
        Assert.Equal((3, ImportProblems.MobileInvalid), (errors.Single().Line, errors.Single().Problems));
        Assert.Equal(new DateOnly(2026, 10, 7), (await MemberAsync(drive, 919811160001))!.EnrolledOn);
    }

    [Fact]
    public async Task An_import_stopped_after_some_lanes_committed_is_counted_in_full_by_its_next_attempt()
    {
        var drive = await MpDriveAsync();
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore", skip: 3)).Id);
        // Numbers spread over the whole mobile range, so that both lanes get some.
        var valid = Enumerable.Range(0, 4000).Select(i => 6_000_000_000L + i * 987_654L).Where(MobileNumber.IsValidNational).ToList();
        var numbers = valid.Where((_, i) => i % (valid.Count / 40) == 0).Take(40).ToList();
        Assert.Equal(2, numbers.Select(n => MemberImporter.LaneOf(MobileNumber.FromNational(n), 2)).Distinct().Count());
        var lines = new StringBuilder(Header + "\n");
        foreach (var n in numbers) lines.Append($"Member {n},{n},{ac},{part},F,1985,online,2026-10-06,\n");
        var file = Encoding.UTF8.GetBytes(lines.ToString());
        var job = await App.WithDbAsync(async db =>
        {
            var j = new MemberImportJob
            {
                DriveId = drive, StateId = (await db.MembershipDrives.SingleAsync(d => d.Id == drive)).StateId, FileName = "x.csv",
                Format = ImportFormat.Csv, Status = ImportStatus.Running, Attempts = 1, Worker = "test", CreatedUtc = UtcNow,
            };
            db.MemberImportJobs.Add(j);
            await db.SaveChangesAsync();
            return j;
        });
        var driveRow = await App.WithDbAsync(db => db.MembershipDrives.AsNoTracking().SingleAsync(d => d.Id == drive));

        // First attempt: the second lane commits its members, then the last transaction (the summaries and the job's
        // end) fails before it commits, as when the machine goes away.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IMPORT_LANES"] = "2" }).Build();
        var importer = new MemberImporter(App.Services.GetRequiredService<NpgsqlDataSource>(), config, NullLogger<MemberImporter>.Instance);
        using (var source = ImportReader.Open(new MemoryStream(file), ImportFormat.Csv, MemberImporter.Limits, App.Clock, CancellationToken.None))
            await Assert.ThrowsAsync<IOException>(() => importer.RunAsync(job, driveRow, source, new ImportProgress(), UtcNow, CancellationToken.None,
                (_, _, _) => throw new IOException("the machine went away")));
        var committed = await App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive && m.ImportJobId == job.Id));
        Assert.InRange(committed, 1, numbers.Count - 1);
        var (stopped, _) = await JobAsync(job.Id);
        Assert.Equal(ImportStatus.Running, stopped.Status);

        // The next attempt, as the worker runs it: every number in once, every member counted once.
        await App.Services.GetRequiredService<MemberImportQueue>().RunAsync(job.Id, "test", new MemoryStream(file), CancellationToken.None);
        var (rerun, errors) = await JobAsync(job.Id);
        Assert.Equal(ImportStatus.Done, rerun.Status);
        Assert.Equal(numbers.Count, rerun.Added);
        Assert.Equal(0, rerun.AlreadyPresent);
        Assert.Empty(errors);
        Assert.Equal(numbers.Count, await App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive && m.ImportJobId == job.Id)));
        await AssertFreshAsync(drive);
    }

    [Fact]
    public async Task With_several_lanes_a_repeated_number_still_meets_its_first_line()
    {
        var drive = await MpDriveAsync();
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        // Numbers spread over the whole mobile range, so that every lane gets some.
        var valid = Enumerable.Range(0, 4000).Select(i => 6_000_000_000L + i * 987_654L).Where(MobileNumber.IsValidNational).ToList();
        var numbers = valid.Where((_, i) => i % (valid.Count / 400) == 0).Take(400).ToList();
        Assert.Equal(400, numbers.Count);
        Assert.Equal(3, numbers.Select(n => MemberImporter.LaneOf(MobileNumber.FromNational(n), 3)).Distinct().Count());
        var lines = new StringBuilder(Header + "\n");
        for (var i = 0; i < 400; i++) lines.Append($"Member {i},{numbers[i]},{ac},{part},M,1980,paper,2026-10-05,\n");
        lines.Append($"Repeat,{numbers[399]},{ac},{part},M,1980,paper,2026-10-05,\n");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IMPORT_LANES"] = "3" }).Build();
        var importer = new MemberImporter(App.Services.GetRequiredService<NpgsqlDataSource>(), config, NullLogger<MemberImporter>.Instance);
        Assert.Equal(3, importer.Lanes);
        var job = await App.WithDbAsync(async db =>
        {
            var j = new MemberImportJob { DriveId = drive, StateId = (await db.MembershipDrives.SingleAsync(d => d.Id == drive)).StateId, FileName = "x.csv", Status = ImportStatus.Running, CreatedUtc = UtcNow };
            db.MemberImportJobs.Add(j);
            await db.SaveChangesAsync();
            return j;
        });
        var driveRow = await App.WithDbAsync(db => db.MembershipDrives.AsNoTracking().SingleAsync(d => d.Id == drive));
        var progress = new ImportProgress();
        using var source = ImportReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), ImportFormat.Csv, MemberImporter.Limits, App.Clock, CancellationToken.None);
        await importer.RunAsync(job, driveRow, source, progress, UtcNow, CancellationToken.None);
        Assert.Equal(400, progress.Added);
        var (_, errors) = await JobAsync(job.Id);
        var error = Assert.Single(errors);
        Assert.Equal((402, ImportProblems.DuplicateInFile, 401), (error.Line, error.Problems, error.OtherLine));
    }

    [Fact]
    public async Task Merged_chunk_by_chunk_a_repeat_in_a_later_chunk_meets_its_first_line_and_the_counts_are_exact()
    {
        var drive = await MpDriveAsync();
        var booth = await BoothInAsync("Indore", skip: 7);
        var (ac, part) = await BoothCodeAsync(booth.Id);
        // A member already in the drive, from an earlier import.
        var (first, firstErrors) = await ImportAsync(drive, $"{Header}\nEarlier Member,9811130999,{ac},{part},M,1980,paper,2026-10-05,\n");
        Assert.Empty(firstErrors);
        var before = await App.WithDbAsync(db => db.MemberBoothCounts.Where(c => c.DriveId == drive && c.BoothId == booth.Id).Select(c => c.Enrolled).SingleAsync());

        // 40 new numbers over two lanes in chunks of 4 rows: the repeats come chunks after their first line.
        var lines = new StringBuilder(Header + "\n");
        for (var i = 0; i < 40; i++) lines.Append($"Member {i},98111{31000 + i * 37},{ac},{part},F,1985,online,2026-10-06,\n");
        lines.Append($"Earlier Member,9811130999,{ac},{part},M,1980,paper,2026-10-05,\n");   // line 42: already in the drive
        lines.Append($"Repeat Of Line 2,98111{31000},{ac},{part},F,1985,online,2026-10-06,\n"); // line 43
        lines.Append($"Repeat Of Line 42,9811130999,{ac},{part},M,1980,paper,2026-10-05,\n");   // line 44
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IMPORT_LANES"] = "2", ["IMPORT_CHUNK_ROWS"] = "4" }).Build();
        var importer = new MemberImporter(App.Services.GetRequiredService<NpgsqlDataSource>(), config, NullLogger<MemberImporter>.Instance);
        Assert.Equal(4, importer.ChunkRows);
        var job = await App.WithDbAsync(async db =>
        {
            var j = new MemberImportJob { DriveId = drive, StateId = (await db.MembershipDrives.SingleAsync(d => d.Id == drive)).StateId, FileName = "x.csv", Status = ImportStatus.Running, CreatedUtc = UtcNow };
            db.MemberImportJobs.Add(j);
            await db.SaveChangesAsync();
            return j;
        });
        var driveRow = await App.WithDbAsync(db => db.MembershipDrives.AsNoTracking().SingleAsync(d => d.Id == drive));
        var progress = new ImportProgress();
        using var source = ImportReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), ImportFormat.Csv, MemberImporter.Limits, App.Clock, CancellationToken.None);
        await importer.RunAsync(job, driveRow, source, progress, UtcNow, CancellationToken.None);

        Assert.Equal((40, 1, 2), (progress.Added, progress.AlreadyPresent, progress.ErrorRows));
        var (_, errors) = await JobAsync(job.Id);
        Assert.Equal([(43, ImportProblems.DuplicateInFile, (int?)2), (44, ImportProblems.DuplicateInFile, 42)],
            errors.Select(e => (e.Line, e.Problems, e.OtherLine)));
        var after = await App.WithDbAsync(db => db.MemberBoothCounts.Where(c => c.DriveId == drive && c.BoothId == booth.Id).Select(c => c.Enrolled).SingleAsync());
        var members = await App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive && m.BoothId == booth.Id));
        Assert.Equal((before + 40, members), (after, after));
        var day = await App.WithDbAsync(db => db.MemberDailyCounts.Where(c => c.DriveId == drive && c.BlockId == booth.BlockId && c.Day == new DateOnly(2026, 10, 6)).Select(c => c.Enrolled).SingleAsync());
        var dayMembers = await App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive && m.BlockId == booth.BlockId && m.EnrolledOn == new DateOnly(2026, 10, 6)));
        Assert.Equal(dayMembers, day);
    }

    [Fact]
    public async Task An_upload_runs_in_the_background_and_its_error_report_downloads()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(PresidentIndore);
        var response = await PostFileAsync(client, $"/Membership/Import/{drive}", "forms.csv", Encoding.UTF8.GetBytes(await MixedFileAsync()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Membership/ImportJob/", jobUrl);

        JsonElement status = default;
        for (var i = 0; i < 120; i++)
        {
            status = JsonDocument.Parse(await client.GetStringAsync(jobUrl + "?handler=Status")).RootElement;
            if (status.GetProperty("finished").GetBoolean()) break;
            await Task.Delay(250);
        }
        Assert.Equal("Done", status.GetProperty("status").GetString());
        Assert.Equal("3", status.GetProperty("added").GetString());
        Assert.Equal("10", status.GetProperty("errors").GetString());

        var page = await GetDocumentAsync(client, jobUrl);
        var link = page.QuerySelector("[data-testid=error-report]")!.GetAttribute("href")!;
        var report = await client.GetAsync(link);
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        var lines = (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("line,reason,name,mobile,ac_number,part_number,gender,birth_year,channel,enrolled_on,enrolled_by", lines[0]);
        Assert.Equal(11, lines.Count);
        Assert.StartsWith("4,Name is missing.", lines[1]);
        Assert.StartsWith("6,Not a valid Indian mobile number.,Bad Mobile,12345", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("13,The same mobile number is on line 2.,Repeated"));
        // The file is gone once imported; the job is audited once.
        Assert.Equal(0, await App.WithDbAsync(db => db.MemberImportChunks.CountAsync()));

        // Another district's president does not see the job, its status or its report.
        var bhopal = await SignInAsync(PresidentBhopal);
        Assert.Equal(HttpStatusCode.NotFound, (await bhopal.GetAsync(jobUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bhopal.GetAsync(jobUrl + "?handler=Errors")).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_excel_is_refused_at_upload()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(PresidentIndore);
        var response = await PostFileAsync(client, $"/Membership/Import/{drive}", "photo.jpg", [0xFF, 0xD8, 0xFF]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CSV (.csv) or Excel (.xlsx)", (await ParseAsync(response)).QuerySelector("[data-testid=file-error]")!.TextContent);
        var broken = await PostFileAsync(client, $"/Membership/Import/{drive}", "broken.xlsx", "this is not a zip"u8.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, broken.StatusCode);
        var jobUrl = broken.Headers.Location!.OriginalString;
        JsonElement status = default;
        for (var i = 0; i < 120; i++)
        {
            status = JsonDocument.Parse(await client.GetStringAsync(jobUrl + "?handler=Status")).RootElement;
            if (status.GetProperty("finished").GetBoolean()) break;
            await Task.Delay(250);
        }
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        Assert.Contains("could not be read", status.GetProperty("text").GetString());
    }
}
