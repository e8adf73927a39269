using Microsoft.Extensions.DependencyInjection;

namespace RevBot.Core.Images;

public static class ImageRegistration
{
    /// <summary>The store of answer and digest chart images served to Teams.</summary>
    public static IServiceCollection AddImages(this IServiceCollection services)
    {
        services.AddScoped<ReplyImageStore>();
        return services;
    }
}
