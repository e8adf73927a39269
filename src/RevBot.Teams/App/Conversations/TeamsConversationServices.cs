using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Interactions;

namespace RevBot.Teams.App.Conversations;

internal static class TeamsConversationServices
{
    /// <summary>
    /// What /api/messages does with an authenticated activity: messages answered on the background work queue, stored
    /// conversation references, user mapping, and card actions (the adapter's own verbs, "ask", and those Core's features
    /// registered in <see cref="CardActionRoutes"/>, looked up together in <see cref="TeamsCardVerbs"/>; Core's table is
    /// added here too, empty, when Core is not).
    /// </summary>
    public static IServiceCollection AddTeamsConversations(this IServiceCollection services)
    {
        services.AddRevBotBackgroundWork();
        services.AddCardActionRoutes();
        services.AddScoped<ConversationReferenceStore>();
        services.AddScoped<TeamsUserDirectory>();
        services.AddScoped<TeamsResponder>();
        services.AddScoped<TeamsAnswerCharts>();
        services.AddScoped<TeamsDrilldowns>();
        services.AddSingleton(TeamsAskVerb.Verb);
        services.AddSingleton(TeamsConfirmVerb.Verb);
        services.AddSingleton<TeamsCardVerbs>();
        services.AddScoped<TeamsActivityHandler>();
        return services;
    }
}
