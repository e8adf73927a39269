using RevBot.Sources.Sync;
using RevBot.Testing;

namespace RevBot.Tests.Sources;

/// <summary>A source's secret: from a setting or a mounted file (which wins and is read at each use), never echoed in a problem.</summary>
public sealed class SecretSettingTests
{
    [Fact]
    public void A_mounted_file_wins_and_a_rotated_secret_is_read_at_the_next_use()
    {
        var file = TestFiles.NewPath("token");
        File.WriteAllText(file, "pat-na1-first\n");
        try
        {
            Assert.Equal("pat-na1-first", SecretSetting.Read("pat-from-settings", file));
            File.WriteAllText(file, "pat-na1-rotated");
            Assert.Equal("pat-na1-rotated", SecretSetting.Read("pat-from-settings", file));
            File.WriteAllText(file, "  ");
            Assert.Null(SecretSetting.Read("pat-from-settings", file));
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal("pat-from-settings", SecretSetting.Read(" pat-from-settings ", null));
        Assert.Null(SecretSetting.Read(" ", null));
    }

    [Fact]
    public void A_problem_names_the_setting_and_never_the_secret()
    {
        var missing = Path.Combine(TestFiles.NewFolder("secret"), "absent");

        Assert.Equal($"Sources:Hubspot:AccessTokenFile names {missing}, which does not exist.",
            SecretSetting.Problem("Sources:Hubspot", "AccessToken", "pat-na1-secret", missing, required: true));
        Assert.Equal("Sources:Hubspot:AccessToken (or Sources:Hubspot:AccessTokenFile) is required when Sources:Hubspot:Enabled is true.",
            SecretSetting.Problem("Sources:Hubspot", "AccessToken", null, null, required: true));
        Assert.Null(SecretSetting.Problem("Sources:Hubspot", "AccessToken", "pat-na1-secret", null, required: true));
    }
}
