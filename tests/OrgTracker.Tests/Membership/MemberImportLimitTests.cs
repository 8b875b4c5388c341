using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Membership;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Tests.Membership;

/// <summary>A member import that passes a limit of the import reader, and one that is cancelled: the job ends, nothing is saved.</summary>
public class MemberImportLimitTests(AppFactory app) : MembershipTest(app)
{
    private Task<int> MembersAsync(int drive) => App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive));

    [Fact]
    public async Task A_file_past_a_limit_fails_its_job_with_the_limit_named_and_saves_nothing()
    {
        var drive = await MpDriveAsync();
        var before = await MembersAsync(drive);
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        var header = string.Join(",", MemberColumns.Headers.Concat(Enumerable.Range(0, 50).Select(i => $"extra{i}")));
        var (job, errors) = await ImportAsync(drive, $"{header}\nRamesh,9876543210,{ac},{part}\n");

        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Equal(new ImportRefused(ImportRefusal.TooManyColumns, 1).Code, job.Failure);
        Assert.Empty(errors);
        Assert.Equal(before, await MembersAsync(drive));

        var client = await SignInAsync(OfficeMp);
        var status = JsonDocument.Parse(await client.GetStringAsync($"/Membership/ImportJob/{job.Id}?handler=Status")).RootElement;
        Assert.True(status.GetProperty("finished").GetBoolean());
        Assert.Equal("Too many columns: at most 50. Nothing was saved.", status.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_running_import_that_is_cancelled_stops_reading_and_saves_nothing()
    {
        var drive = await MpDriveAsync();
        var before = await MembersAsync(drive);
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        // Cancelled on its page just after a worker took it: the worker's heartbeat sees it within a second.
        var jobId = await App.WithDbAsync(async db =>
        {
            var job = new MemberImportJob
            {
                DriveId = drive, StateId = (await db.MembershipDrives.SingleAsync(d => d.Id == drive)).StateId, FileName = "slow.csv",
                Format = ImportFormat.Csv, Status = ImportStatus.Cancelled, Attempts = 1, Worker = "test", CreatedUtc = UtcNow,
            };
            db.MemberImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        await using (var file = new SlowRows($"{string.Join(",", MemberColumns.Headers)}\n", i => $"Member {i},{9_000_000_000L + i * 7},{ac},{part}\n"))
            await App.Services.GetRequiredService<MemberImportQueue>().RunAsync(jobId, "test", file, CancellationToken.None);

        var (ended, errors) = await JobAsync(jobId);
        Assert.Equal(ImportStatus.Cancelled, ended.Status);
        Assert.True(ended.RowsRead < MemberImporter.Limits.MaxRows, "the whole file was read");
        Assert.Empty(errors);
        Assert.Equal(before, await MembersAsync(drive));
    }

    [Fact]
    public async Task The_uploader_cancels_an_import_on_its_page_and_another_district_cannot()
    {
        var drive = await MpDriveAsync();
        var jobId = await App.WithDbAsync(async db =>
        {
            var indore = await db.Territories.SingleAsync(t => t.NameEn == "Indore" && t.Level == TerritoryLevel.District);
            var job = new MemberImportJob
            {
                DriveId = drive, StateId = indore.StateId, DivisionId = indore.DivisionId, DistrictId = indore.Id, FileName = "forms.csv",
                Format = ImportFormat.Csv, Status = ImportStatus.Running, Attempts = 1, Worker = "another instance", CreatedUtc = UtcNow,
            };
            db.MemberImportJobs.Add(job);
            await db.SaveChangesAsync();
            // Alive on the database's clock, so that this instance's worker does not take it over.
            await db.Database.ExecuteSqlAsync($"UPDATE member_import_jobs SET heartbeat_utc = now() WHERE id = {job.Id}");
            return job.Id;
        });

        var bhopal = await SignInAsync(PresidentBhopal);
        var response = await PostFormAsync(bhopal, $"/Membership/ImportJob/{jobId}?handler=Cancel", new(), formPage: $"/Membership/Import/{drive}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ImportStatus.Running, (await JobAsync(jobId)).Job.Status);

        var indore = await SignInAsync(PresidentIndore);
        var page = await GetDocumentAsync(indore, $"/Membership/ImportJob/{jobId}");
        Assert.NotNull(page.QuerySelector("[data-testid=cancel-import]"));
        response = await PostFormAsync(indore, $"/Membership/ImportJob/{jobId}?handler=Cancel", new(), formPage: $"/Membership/ImportJob/{jobId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (job, _) = await JobAsync(jobId);
        Assert.Equal(ImportStatus.Cancelled, job.Status);
        Assert.Equal(UtcNow, job.FinishedUtc);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == nameof(MemberImportJob) && a.EntityId == jobId.ToString() && a.Action == "Modified"));
        Assert.Equal(("Modified", PresidentIndore), (audit.Action, audit.UserName));
        Assert.Contains("Status", audit.Changes);
        page = await GetDocumentAsync(indore, $"/Membership/ImportJob/{jobId}");
        Assert.Null(page.QuerySelector("[data-testid=cancel-import]"));
        Assert.Contains("Cancelled: nothing from this file was saved.", page.QuerySelector("[data-field=text]")!.TextContent);
    }

    [Fact]
    public async Task An_uploader_with_two_imports_pending_is_refused_a_third_until_one_ends()
    {
        var drive = await MpDriveAsync();
        var (ac, part) = await BoothCodeAsync((await BoothInAsync("Indore")).Id);
        var pending = await App.WithDbAsync(async db =>
        {
            var indore = await db.Territories.SingleAsync(t => t.NameEn == "Indore" && t.Level == TerritoryLevel.District);
            var uploader = await db.Users.SingleAsync(u => u.Email == PresidentIndore);
            var jobs = Enumerable.Range(0, MemberImportQueue.MaxPendingPerUser).Select(i => new MemberImportJob
            {
                DriveId = drive, StateId = indore.StateId, DivisionId = indore.DivisionId, DistrictId = indore.Id, FileName = $"big-{i}.csv",
                Format = ImportFormat.Csv, Status = ImportStatus.Running, Attempts = 1, Worker = "another instance", CreatedUtc = UtcNow,
                CreatedByUserId = uploader.Id, CreatedByName = PresidentIndore,
            }).ToList();
            db.MemberImportJobs.AddRange(jobs);
            await db.SaveChangesAsync();
            // Alive on the database's clock, so that this instance's worker does not take them over.
            foreach (var job in jobs)
                await db.Database.ExecuteSqlAsync($"UPDATE member_import_jobs SET heartbeat_utc = now() WHERE id = {job.Id}");
            return jobs.Select(j => j.Id).ToList();
        });
        Task<int> JobCountAsync() => App.WithDbAsync(db => db.MemberImportJobs.CountAsync(j => j.DriveId == drive));
        var before = await JobCountAsync();
        var file = Encoding.UTF8.GetBytes($"{Header}\nRamesh Kumar,9876543210,{ac},{part},M,1980,paper,2026-10-02,\n");

        var indore = await SignInAsync(PresidentIndore);
        var response = await PostFileAsync(indore, $"/Membership/Import/{drive}", "forms.csv", file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("You already have 2 imports waiting or running.", page.QuerySelector("[data-testid=file-error]")!.TextContent);
        Assert.Equal(before, await JobCountAsync());
        Assert.Equal(0L, await App.WithDbAsync(db => db.Database.SqlQuery<long>(
            $"SELECT count(*) AS \"Value\" FROM member_import_chunks c JOIN member_import_jobs j ON j.id = c.job_id WHERE j.drive_id = {drive}").SingleAsync()));

        // Another uploader is not held up by Indore's queue.
        var office = await SignInAsync(OfficeMp);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(office, $"/Membership/Import/{drive}", "forms.csv", file)).StatusCode);

        // Once one of Indore's ends, Indore may upload again.
        await App.WithDbAsync(db => db.MemberImportJobs.Where(j => j.Id == pending[0])
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Cancelled)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(indore, $"/Membership/Import/{drive}", "forms.csv", file)).StatusCode);

        // The two accepted uploads run on this host's worker; they end before the next test resets the database.
        for (var i = 0; i < 120 && await App.WithDbAsync(db => db.MemberImportJobs.AnyAsync(j => j.DriveId == drive
                 && !pending.Contains(j.Id) && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))); i++)
            await Task.Delay(250);
    }

    /// <summary>A CSV that never ends on its own, a few rows at a time, slowly: a file still being read when it is cancelled.</summary>
    private sealed class SlowRows(string header, Func<long, string> row) : ForwardOnlyStream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes(header);
        private int _offset;
        private long _next;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                Thread.Sleep(2);
                var rows = new StringBuilder();
                for (var i = 0; i < 10; i++) rows.Append(row(_next++));
                _pending = Encoding.UTF8.GetBytes(rows.ToString());
                _offset = 0;
            }
            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }
    }
}
