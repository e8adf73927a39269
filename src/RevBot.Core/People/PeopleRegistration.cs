using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;

namespace RevBot.Core.People;

public static class PeopleRegistration
{
    /// <summary>The person's own settings: the "speak Spanish" chat command.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<IChatCommand, LanguageCommand>();
        return services;
    }
}
