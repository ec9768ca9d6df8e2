namespace OneBotBridge.Tests.Host;

public sealed class RunCommandTests
{
    // Loopback port 1: nothing listens there, so nothing leaves the machine.
    private const string Unreachable = """
        qq:
          api_base: http://127.0.0.1:1
          token_url: http://127.0.0.1:1/app/getAppAccessToken
        onebot:
          forward_ws: []
        """;

    [Test]
    public async Task Run_without_credentials_exits_2_and_says_how_to_provide_them()
    {
        using var file = new TempConfigFile(Unreachable);

        var result = await CliResult.InvokeAsync("run", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("qq.app_id").And.Contain("QQ_APP_ID"));
        Assert.That(result.Error, Does.Contain("qq.client_secret").And.Contain("QQ_CLIENT_SECRET"));
        Assert.That(result.Error, Does.Contain("simulate"));
    }

    [Test]
    public async Task Run_with_only_the_app_id_names_the_missing_secret_only()
    {
        using var file = new TempConfigFile(Unreachable);

        var result = await CliResult.InvokeAsync(ConfigFiles.Environment(("QQ_APP_ID", "1020")), CancellationToken.None, "run", "-c", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("qq.client_secret"));
        Assert.That(result.Error, Does.Not.Contain("qq.app_id:"));
    }

    [Test]
    public async Task Run_with_an_invalid_file_exits_2_before_asking_for_credentials()
    {
        using var file = new TempConfigFile("onebot:\n  heartbeat_interval: soon\n");

        var result = await CliResult.InvokeAsync("run", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"{file.Path}:2: onebot.heartbeat_interval"));
        Assert.That(result.Error, Does.Not.Contain("QQ_APP_ID"));
    }

    [Test]
    public async Task Run_with_a_missing_file_exits_2()
    {
        var result = await CliResult.InvokeAsync("run", "--config", Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("configuration file not found"));
    }

    [Test]
    public async Task Run_stopped_by_cancellation_exits_0()
    {
        using var data = new TempDirectory();
        using var file = new TempConfigFile(Unreachable + "\n" + data.StorageYaml);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var environment = ConfigFiles.Environment(("QQ_APP_ID", "1020"), ("QQ_CLIENT_SECRET", "run-secret-31"));

        var result = await CliResult.InvokeAsync(environment, stop.Token, "run", "--config", file.Path).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.All, Does.Not.Contain("run-secret-31"));
    }
}
