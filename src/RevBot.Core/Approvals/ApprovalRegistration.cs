using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Interactions;

namespace RevBot.Core.Approvals;

public static class ApprovalRegistration
{
    /// <summary>Approval rules (checked at start), the gate on deal changes, the Approve / Reject buttons, the reminders and the chat questions.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalOptions>, CompanyCheckedOptionsValidator<ApprovalOptions>>();
        services.AddScoped<IDealChangeGate, ApprovalGate>();
        services.AddScoped<ApprovalDecisions>();
        services.AddScoped<ApprovalInteractions>();
        services.AddScoped<ApprovalReminders>();
        services.AddScoped<IChatCommand, ApprovalQuestions>();
        services.AddCardActions(ApprovalActionRoute.Route);
        services.AddHostedService<ApprovalReminderService>();
        return services;
    }
}
