namespace RevBot.Teams.Protocol.Activities;

/// <summary>
/// A member as Teams' roster returns it (<c>GET {serviceUrl}/v3/conversations/{id}/members/{userId}</c>): the account plus
/// the Entra profile fields. <see cref="Email"/> can be missing (guests, some tenants); <see cref="UserPrincipalName"/> is
/// then the sign-in name, usually the same address.
/// </summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
}
