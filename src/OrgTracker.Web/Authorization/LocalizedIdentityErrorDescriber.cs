using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Identity's validation messages (password rules, duplicate or invalid email) in the user's language.
/// The error codes stay Identity's, so pages can put each message beside the field it concerns.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Something went wrong. Please try again."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["Someone else changed this user at the same time. Nothing was saved."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["Incorrect password."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), L["The request has expired. Please try again."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["This email contains characters that cannot be used in a user name."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["Enter a valid email address."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["A user with this email already exists."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["A user with this email already exists."]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), L["This user already has a password."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), L["Lockout is not enabled for this user."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["The password must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), L["The password must use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), L["The password must contain a character that is not a letter or digit."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["The password must contain a digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), L["The password must contain a lowercase letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), L["The password must contain an uppercase letter."]);
}
