using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Settings;

namespace RevBot.Core.Approvals;

/// <summary>
/// Checks <see cref="ApprovalOptions"/> at start (against the company's stages), so a bad rule or channel stops the host with
/// one sentence: <see cref="CheckedOptions"/>, with the company settings as well.
/// </summary>
public sealed class ApprovalOptionsValidator(IOptions<CompanyOptions> company) : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
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
