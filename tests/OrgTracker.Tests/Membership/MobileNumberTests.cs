using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Membership;

public class MobileNumberTests
{
    [Theory]
    [InlineData("9876543210")]
    [InlineData("+91 98765 43210")]
    [InlineData("+91-98765-43210")]
    [InlineData("098765 43210")]
    [InlineData("919876543210")]
    [InlineData("0091 98765 43210")]
    [InlineData("(0) 98765-43210")]
    [InlineData("९८७६५४३२१०")]
    [InlineData("'9876543210")]
    [InlineData("tel:+91-98765-43210")]
    public void Common_spellings_of_a_mobile_number_normalise_to_plus_91(string text)
    {
        Assert.True(MobileNumber.TryParse(text, out var mobile));
        Assert.Equal("+919876543210", MobileNumber.E164(mobile));
        Assert.Equal("+91 98765 43210", MobileNumber.Display(mobile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("98765")]
    [InlineData("98765432101")]
    [InlineData("1234567890")]
    [InlineData("5876543210")]
    [InlineData("+1 202 555 0101")]
    [InlineData("call me")]
    public void Numbers_that_are_not_indian_mobiles_are_refused(string text) =>
        Assert.False(MobileNumber.TryParse(text, out _));

    [Fact]
    public void The_fast_path_agrees_with_libphonenumber_on_random_numbers()
    {
        var rng = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var national = 6_000_000_000L + (long)(rng.NextDouble() * 4_000_000_000L);
            var text = national.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var fast = MobileNumber.TryParse(text, out var a);
            var full = MobileNumber.TryParseWithLibrary(text, out var b);
            Assert.True(fast == full, $"{text}: fast {fast}, libphonenumber {full}");
            Assert.Equal(b, a);
        }
    }
}
