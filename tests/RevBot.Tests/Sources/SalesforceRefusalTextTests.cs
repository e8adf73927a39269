using RevBot.Core.Deals.WriteBack;
using RevBot.Sources.Salesforce;

namespace RevBot.Tests.Sources;

/// <summary>
/// The refusals RevBot gives itself before writing to Salesforce (a field the org has no place for) are catalogued
/// texts, read in the reader's language; the CRM's own messages pass through as they came.
/// </summary>
public sealed class SalesforceRefusalTextTests
{
    [Theory]
    [InlineData("en", "This Salesforce org has no loss reason field set up for RevBot.", "Salesforce has no field for this.",
        "Salesforce sets the status from the stage: choose a stage.")]
    [InlineData("es", "Esta organización de Salesforce no tiene configurado un campo de motivo de pérdida para RevBot.",
        "Salesforce no tiene un campo para esto.", "Salesforce deduce el estado de la etapa: elige una etapa.")]
    public void Fields_the_org_has_no_place_for_are_refused_in_the_readers_language(string language, string lossReason, string noField, string status)
    {
        var (body, errors) = SalesforceFields.Body(
            new Dictionary<string, string?> { ["loss_reason"] = "price", ["owner"] = "rae@example.com", ["status"] = "won" }, [], SalesforceCustomFields.None);

        Assert.Null(body);
        Assert.Equal(lossReason, CrmOwnError.Read(errors["loss_reason"], language));
        Assert.Equal(noField, CrmOwnError.Read(errors["owner"], language));
        Assert.Equal(status, CrmOwnError.Read(errors["status"], language));
    }

    [Theory]
    [InlineData("Close date cannot be in the past.")]
    [InlineData("revbot-text:NoSuchKey")]
    public void A_crms_own_message_is_shown_as_it_came(string message) => Assert.Equal(message, CrmOwnError.Read(message, "es"));
}
