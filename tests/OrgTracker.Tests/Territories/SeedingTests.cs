using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Territories;

public class SeedingTests(AppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Seeding_again_empties_the_data_and_generates_the_same_names_for_the_same_seed()
    {
        async Task<List<string>> BlockNamesAsync() => await App.WithDbAsync(db =>
            db.Territories.Where(t => t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).Select(t => t.NameEn).ToListAsync());
        var first = await BlockNamesAsync();
        using (var scope = App.Services.CreateScope())
        {
            var seeder = ActivatorUtilities.CreateInstance<Seeder>(scope.ServiceProvider);
            var counts = await seeder.SeedAsync(SeedProfile.Find("demo")!, 2026, CancellationToken.None);
            Assert.Equal(130, counts["districts"]);
        }
        Assert.Equal(first, await BlockNamesAsync());
        var (districts, reference) = await App.WithDbAsync(async db =>
            (await db.Territories.CountAsync(t => t.Level == TerritoryLevel.District), await db.Posts.CountAsync()));
        Assert.Equal(130, districts);
        Assert.True(reference > 0, "seeding must keep the wings and posts that migrations insert");
    }
}
