using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.OfficeBearers;

public class AppointmentRulesTests
{
    private static Appointment Current() => new() { From = new DateOnly(2024, 1, 1) };

    [Fact]
    public void Ending_keeps_the_record_with_its_date_and_reason()
    {
        var a = Current();
        a.End(new DateOnly(2025, 6, 30), AppointmentEnd.Resigned, "moved away");
        Assert.False(a.IsActive);
        Assert.Equal(new DateOnly(2025, 6, 30), a.To);
        Assert.Equal(AppointmentEnd.Resigned, a.EndReason);
    }

    [Fact]
    public void An_appointment_cannot_end_twice_or_before_it_began()
    {
        var a = Current();
        Assert.Throws<DomainException>(() => a.End(new DateOnly(2023, 12, 31), AppointmentEnd.Ended));
        a.End(new DateOnly(2025, 1, 1), AppointmentEnd.Ended);
        Assert.Throws<DomainException>(() => a.End(new DateOnly(2025, 2, 1), AppointmentEnd.Ended));
    }

    [Fact]
    public void Only_a_current_appointment_is_flagged_inactive_and_a_reason_is_required()
    {
        var a = Current();
        Assert.Throws<DomainException>(() => a.FlagInactive(new DateOnly(2025, 1, 1), " "));
        a.FlagInactive(new DateOnly(2025, 1, 1), " absent ");
        Assert.Equal("absent", a.InactiveReason);
        a.ClearInactive();
        Assert.Null(a.InactiveSince);
        a.End(new DateOnly(2025, 2, 1), AppointmentEnd.Ended);
        Assert.Throws<DomainException>(() => a.FlagInactive(new DateOnly(2025, 3, 1), "late"));
    }

    [Fact]
    public void Placing_an_appointment_copies_the_territorys_ancestors()
    {
        var booth = new Territory { Id = 9, Level = TerritoryLevel.Booth, StateId = 1, DivisionId = 2, DistrictId = 3, BlockId = 4 };
        var a = Current();
        a.PlaceAt(booth);
        Assert.Equal((9, 1, 2, 3, 4), (a.TerritoryId, a.StateId, a.DivisionId!.Value, a.DistrictId!.Value, a.BlockId!.Value));
        var district = new Territory { Id = 3, Level = TerritoryLevel.District, StateId = 1, DivisionId = 2 };
        a.PlaceAt(district);
        Assert.Equal((3, 3, null), (a.TerritoryId, a.DistrictId!.Value, a.BlockId));
    }

    [Theory]
    [InlineData("98765 43210", "+919876543210")]
    [InlineData("098765-43210", "+919876543210")]
    [InlineData("+91 98765 43210", "+919876543210")]
    [InlineData("919876543210", "+919876543210")]
    [InlineData("12345", null)]
    [InlineData("0755 2551234", null)]
    [InlineData("not a number", null)]
    public void Mobile_numbers_are_normalised_to_plus_91(string text, string? expected) =>
        Assert.Equal(expected, IndianMobile.Normalise(text));
}
