using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser journeys: a fresh demo database and a new browser context (no cookies) per test.
/// Everything waits on selectors, never on the clock; timeouts are generous because these machines are slow.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserApp app, Chromium chromium) : IAsyncLifetime
{
    public const string InChargeMp = "incharge.mp@demo.orgtracker.in";
    public const string PresidentBhopal = "president.bhopal@demo.orgtracker.in";

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(30_000);

    protected BrowserApp App { get; } = app;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; set; } = null!;

    /// <summary>A desktop window; a phone test overrides this.</summary>
    protected virtual void ConfigureContext(BrowserNewContextOptions options) =>
        options.ViewportSize = new() { Width = 1280, Height = 800 };

    public virtual async Task InitializeAsync()
    {
        await App.ResetAsync();
        Page = await NewPageAsync(ConfigureContext);
        Context = Page.Context;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>
    /// A page in a browser context of its own (own cookies): another person, on another device, in the same test.
    /// Closed with the test. Assign it to <see cref="Page"/> to drive it with the helpers below.
    /// </summary>
    protected async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions> configure)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
            // Bootstrap then skips its transitions, and ignores no click for being mid-animation.
            ReducedMotion = ReducedMotion.Reduce,
        };
        configure(options);
        var context = await chromium.Browser.NewContextAsync(options);
        _contexts.Add(context);
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A phone held upright (375 × 812, touch), as most district office-bearers use the app.</summary>
    protected static void Phone(BrowserNewContextOptions options)
    {
        options.ViewportSize = new() { Width = PhoneWidth, Height = 812 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.DeviceScaleFactor = 1;
    }

    public const int PhoneWidth = 375;

    /// <summary>Numbers as the English interface groups them: 12,34,567.</summary>
    protected static readonly System.Globalization.CultureInfo IndianEnglish = new("en-IN");

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected ILocator TerritoryName => Page.GetByTestId("territory-name");

    /// <summary>Signs in through the login form, the way a person does, and waits for their territory page.</summary>
    protected async Task SignInAsync(string email, Func<Task>? beforeSubmit = null)
    {
        await Page.GotoAsync("/Account/Login");
        await FillLoginFormAsync(email);
        if (beforeSubmit is not null) await beforeSubmit();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(TerritoryName).ToBeVisibleAsync();
    }

    protected async Task FillLoginFormAsync(string email)
    {
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Seeder.DemoPassword);
    }

    protected Task SwitchLanguageAsync(string buttonText) =>
        Page.GetByTestId("language-switch").GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();

    /// <summary>The link in the children table whose text is <paramref name="name"/>.</summary>
    protected ILocator ChildLink(string name) =>
        Page.GetByTestId("children").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    protected Task<Territory> TerritoryAsync(string nameEn, TerritoryLevel level) =>
        App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == nameEn && t.Level == level));

    /// <summary>Width of the page's content: more than the viewport means the page scrolls sideways.</summary>
    protected Task<int> ScrollWidthAsync() => Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    /// <summary>Fails when the page is wider than the phone's screen (the whole page would scroll sideways).</summary>
    protected async Task ExpectNoSidewaysScrollingAsync()
    {
        var width = await ScrollWidthAsync();
        Assert.True(width <= PhoneWidth + 1, $"{Page.Url} is {width}px wide on a {PhoneWidth}px screen");
    }

    /// <summary>Writes a PNG for README to docs/screenshots/ at the repository root, once the fonts have loaded.</summary>
    protected async Task ScreenshotAsync(string fileName, bool fullPage = false)
    {
        await Page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory.Value, fileName), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    private static readonly Lazy<string> ScreenshotDirectory = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException($"OrgTracker.sln not found above {AppContext.BaseDirectory}");
        return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots")).FullName;
    });
}
