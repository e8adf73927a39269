using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RevBot.Core.Settings;

/// <summary>
/// The one way RevBot validates settings: the options type lists its <see cref="ICheckedOptions.Problems"/> and
/// <see cref="CheckOnStart{T}"/> makes the host (and the CLI) refuse to start with them. Settings checked against other
/// settings (hand-offs against the company's loss reasons) are checked the same way by
/// Company/CompanyCheckedOptionsValidator.
/// </summary>
public static class CheckedOptions
{
    public static OptionsBuilder<T> CheckOnStart<T>(this OptionsBuilder<T> builder) where T : class, ICheckedOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, CheckedOptionsValidator<T>>());
        return builder.ValidateOnStart();
    }

    /// <summary>Success, or a failure carrying every problem (the host shows the first).</summary>
    public static ValidateOptionsResult Result(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return list.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(list);
    }
}

/// <summary>Reports an <see cref="ICheckedOptions"/> section's problems to the options system.</summary>
public sealed class CheckedOptionsValidator<T> : IValidateOptions<T> where T : class, ICheckedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CheckedOptions.Result(options.Problems());
    }
}
