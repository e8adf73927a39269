using RevBot.Sources.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>Sources:Salesforce checks itself at start: each problem one sentence naming the setting, never a secret's value.</summary>
public sealed class SalesforceOptionsTests
{
    [Fact]
    public void A_disabled_section_has_no_problems_and_an_enabled_one_names_each_missing_or_wrong_setting()
    {
        Assert.Empty(new SalesforceOptions().Problems());
        Assert.Equal(
        [
            "Sources:Salesforce:ClientId (the connected app's consumer key) is required when Sources:Salesforce:Enabled is true.",
            "Sources:Salesforce needs Username and PrivateKey (JWT bearer flow) or ClientSecret (client-credentials flow).",
        ], new SalesforceOptions { Enabled = true }.Problems());
        Assert.Equal(
        [
            "Sources:Salesforce:LoginUrl must be an https URL (it is 'http://login.example.test').",
            "Sources:Salesforce:PrivateKey (or Sources:Salesforce:PrivateKeyFile) is required when Sources:Salesforce:Enabled is true.",
            "Sources:Salesforce:ApiVersion must look like v62.0 (it is '62').",
            "Sources:Salesforce:PageSize must be between 200 and 2000 (it is 50).",
        ], new SalesforceOptions { Enabled = true, LoginUrl = "http://login.example.test", ClientId = "k", Username = "u@x.test", ApiVersion = "62", PageSize = 50 }.Problems());
        Assert.Equal(["Sources:Salesforce:InstanceUrl (the org's My Domain URL) is required for the client-credentials flow."],
            new SalesforceOptions { Enabled = true, ClientId = "k", ClientSecret = "s3cret" }.Problems());
        Assert.Empty(new SalesforceOptions { Enabled = true, ClientId = "k", ClientSecret = "s3cret", InstanceUrl = "https://acme.my.salesforce.com" }.Problems());
    }
}
