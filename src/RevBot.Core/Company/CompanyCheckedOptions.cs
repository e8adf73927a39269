using Microsoft.Extensions.Options;
using RevBot.Core.Settings;

namespace RevBot.Core.Company;

/// <summary>
/// A settings section checked against the company's settings (hand-offs against its loss reasons, approvals against
/// its stages): each problem is one sentence naming the setting.
/// </summary>
public interface ICompanyCheckedOptions
{
    IEnumerable<string> Problems(CompanyOptions company);
}

/// <summary>
/// Reports an <see cref="ICompanyCheckedOptions"/> section's problems at start, like <see cref="CheckedOptions"/>.
/// Company settings that are wrong themselves say so in their own sentence: one sentence is enough, so this one skips.
/// </summary>
public sealed class CompanyCheckedOptionsValidator<T>(IOptions<CompanyOptions> company) : IValidateOptions<T> where T : class, ICompanyCheckedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CompanyOptions companyOptions;
        try
        {
            companyOptions = company.Value;
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip;
        }
        return CheckedOptions.Result(options.Problems(companyOptions));
    }
}
