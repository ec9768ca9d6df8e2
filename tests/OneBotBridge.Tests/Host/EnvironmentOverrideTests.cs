namespace OneBotBridge.Tests.Host;

public sealed class EnvironmentOverrideTests
{
    private const string Yaml = "qq:\n  app_id: \"from-file\"\n  client_secret: \"file-secret\"\n";

    [Test]
    public void The_environment_overrides_the_file()
    {
        var result = ConfigFiles.Load(Yaml, ConfigFiles.Environment(("QQ_APP_ID", "from-env"), ("QQ_CLIENT_SECRET", "env-secret")));

        Assert.Multiple(() =>
        {
            Assert.That(result.Configuration.Qq.AppId, Is.EqualTo("from-env"));
            Assert.That(result.Configuration.Qq.ClientSecret, Is.EqualTo("env-secret"));
            Assert.That(result.EnvironmentOverrides, Is.EquivalentTo(new[] { "QQ_APP_ID", "QQ_CLIENT_SECRET" }));
        });
    }

    [Test]
    public void Without_the_environment_the_file_counts()
    {
        var result = ConfigFiles.Load(Yaml);

        Assert.That(result.Configuration.Qq.AppId, Is.EqualTo("from-file"));
        Assert.That(result.Configuration.Qq.ClientSecret, Is.EqualTo("file-secret"));
        Assert.That(result.EnvironmentOverrides, Is.Empty);
    }

    [Test]
    public void An_empty_variable_does_not_override()
    {
        var result = ConfigFiles.Load(Yaml, ConfigFiles.Environment(("QQ_APP_ID", ""), ("QQ_CLIENT_SECRET", "env-secret")));

        Assert.That(result.Configuration.Qq.AppId, Is.EqualTo("from-file"));
        Assert.That(result.Configuration.Qq.ClientSecret, Is.EqualTo("env-secret"));
        Assert.That(result.EnvironmentOverrides, Is.EqualTo(new[] { "QQ_CLIENT_SECRET" }));
    }

    [Test]
    public void The_environment_supplies_what_the_file_leaves_out()
    {
        var result = ConfigFiles.Load("onebot: {}\n", ConfigFiles.Environment(("QQ_APP_ID", "42"), ("QQ_CLIENT_SECRET", "s")));

        Assert.That(result.Configuration.Qq.AppId, Is.EqualTo("42"));
        Assert.That(OneBotBridge.Configuration.CredentialRequirement.Check(result.Configuration.Qq), Is.Empty);
    }
}
