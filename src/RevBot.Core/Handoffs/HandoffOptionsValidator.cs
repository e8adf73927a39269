using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Settings;

namespace RevBot.Core.Handoffs;

/// <summary>
/// Checks <see cref="HandoffOptions"/> at start (against the company's loss reasons), so a bad channel stops the host with
/// one sentence: <see cref="CheckedOptions"/>, with the company settings as well.
/// </summary>
public sealed class HandoffOptionsValidator(IOptions<CompanyOptions> company) : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CompanyOptions companyOptions;
        try
        {
            companyOptions = company.Value;
        }
        catch (OptionsValidationException)
        {
            // The company settings are wrong themselves and say so in their own sentence; one sentence is enough.
            return ValidateOptionsResult.Skip;
        }
        return CheckedOptions.Result(options.Problems(companyOptions));
    }
}
