using Microsoft.Extensions.Options;
using RevBot.Core.Company;

namespace RevBot.Core.Handoffs;

/// <summary>Checks <see cref="HandoffOptions"/> at start (against the company's loss reasons), so a bad channel stops the host with one sentence.</summary>
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
        var problems = options.Problems(companyOptions).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
