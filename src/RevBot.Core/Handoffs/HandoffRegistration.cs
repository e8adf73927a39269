using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Digests;
using RevBot.Core.Handoffs.Feeds;
using RevBot.Core.Interactions;

namespace RevBot.Core.Handoffs;

public static class HandoffRegistration
{
    /// <summary>Hand-off settings (checked at start), the claim button, the deal listener that writes a won or lost deal's hand-off messages, and the digest's "hand-offs not yet claimed" section.</summary>
    public static IServiceCollection AddHandoffs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, CompanyCheckedOptionsValidator<HandoffOptions>>();
        services.AddScoped<HandoffClaims>();
        services.AddCardActions(HandoffActionRoute.Route);
        services.AddScoped<IDealStatusListener, HandoffDealListener>();
        services.AddScoped<IDigestFeed, HandoffDigestFeed>();
        return services;
    }
}
