using Microsoft.Extensions.Localization;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>English resource keys of the membership enums; their Hindi is in SharedResource.hi.resx.</summary>
public static class MembershipText
{
    public static string StatusKey(DriveStatus s) => s switch
    {
        DriveStatus.Planned => "Planned",
        DriveStatus.Open => "Open",
        _ => "Closed",
    };

    public static string ChannelKey(EnrolmentChannel c) => c switch
    {
        EnrolmentChannel.PaperForm => "Paper form",
        EnrolmentChannel.Online => "Online",
        _ => "Missed call",
    };

    public static string GenderKey(Gender g) => g switch
    {
        Gender.Male => "Male",
        Gender.Female => "Female",
        _ => "Other",
    };

    public static string VerificationKey(Verification v) => v switch
    {
        Verification.Verified => "Verified",
        Verification.Rejected => "Rejected",
        _ => "Unverified",
    };

    public static string ImportStatusKey(ImportStatus s) => s switch
    {
        ImportStatus.Queued => "Waiting",
        ImportStatus.Running => "Running",
        ImportStatus.Done => "Done",
        ImportStatus.Cancelled => "Cancelled",
        _ => "Failed",
    };

    /// <summary>Why a job failed, in the reader's language: a refused file names the limit it passed.</summary>
    public static string Failure(string? code, IStringLocalizer L) =>
        ImportRefused.FromCode(code) is { } refusal ? ImportRefused.Describe(refusal, L, MemberImporter.Limits) : L[FailureKey(code)];

    public static string FailureKey(string? code) => code switch
    {
        ImportFailure.FileUnreadable => "The file could not be read. Save it as CSV (UTF-8) or Excel (.xlsx) and try again.",
        ImportFailure.DriveClosed => "The drive is not open for enrolment.",
        _ => "The import could not be completed. Please try again; if it fails again, tell the state office.",
    };
}
