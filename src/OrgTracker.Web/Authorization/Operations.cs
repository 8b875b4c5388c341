using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>The named operations a per-record check asks about.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Create = new() { Name = nameof(Create) };
    public static readonly OperationAuthorizationRequirement Update = new() { Name = nameof(Update) };
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };
    public static readonly OperationAuthorizationRequirement Approve = new() { Name = nameof(Approve) };
}

/// <summary>
/// Decides whether a user may perform an operation on a record inside a territory.
/// The record must lie within the user's scope; then the role must hold the operation's capability in
/// <see cref="Capabilities.Table"/> (Read: ReadRecords; Create, Update, Delete: ChangeRecords; Approve: ApproveReports).
/// </summary>
public sealed class TerritoryAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, IScoped>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, IScoped resource)
    {
        if (Allows(UserScope.From(context.User), requirement.Name, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool Allows(UserScope? scope, string operation, IScoped resource)
    {
        if (scope is null) return false;
        var inScope = resource is Territory t ? scope.Covers(t) : scope.Covers(resource);
        if (!inScope) return false;
        return Capabilities.ForOperation(operation) is { } capability && Capabilities.Has(scope.Role, capability);
    }
}

public static class Policies
{
    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        Capabilities.AddPolicies(options);
    }
}
