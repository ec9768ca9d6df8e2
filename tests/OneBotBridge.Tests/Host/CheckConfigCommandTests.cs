namespace OneBotBridge.Tests.Host;

public sealed class CheckConfigCommandTests
{
    [Test]
    public async Task A_valid_file_exits_0_with_a_summary()
    {
        var result = await CliResult.InvokeAsync("check-config", "--config", ConfigFiles.ShippedPath());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("configuration OK").And.Contain("onebot.forward_ws: ws://127.0.0.1:6700"));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public async Task A_valid_file_without_credentials_notes_what_run_will_need()
    {
        var result = await CliResult.InvokeAsync("check-config", "--config", ConfigFiles.ShippedPath());

        Assert.That(result.Output, Does.Contain("QQ_APP_ID").And.Contain("QQ_CLIENT_SECRET"));
    }

    [Test]
    public async Task Every_problem_is_printed_with_file_line_and_key_and_the_exit_code_is_2()
    {
        using var file = new TempConfigFile("qq:\n  sandbox: maybe\nonebot:\n  heartbeat_interval: 5x\n  colour: red\n");

        var result = await CliResult.InvokeAsync("check-config", "--config", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"{file.Path}:2: qq.sandbox: expected true or false, got 'maybe'"));
        Assert.That(result.Error, Does.Contain($"{file.Path}:4: onebot.heartbeat_interval: '5x' is not a duration (use 500ms, 5s, 2m)"));
        Assert.That(result.Error, Does.Contain($"{file.Path}:5: onebot.colour: unknown key"));
        Assert.That(result.Error, Does.Contain("3 problems"));
        Assert.That(result.Output, Does.Not.Contain("configuration OK"));
    }

    [Test]
    public async Task A_missing_file_exits_2_and_says_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "bridge.yaml");

        var result = await CliResult.InvokeAsync("check-config", "-c", path);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("configuration file not found"));
    }

    [Test]
    public async Task The_default_path_is_bridge_yaml_in_the_working_directory()
    {
        var result = await CliResult.InvokeAsync("check-config");

        // The test directory has no bridge.yaml, so the default path is reported as missing by name.
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain(Path.GetFullPath("bridge.yaml")));
    }

    [Test]
    public async Task Secrets_never_appear_in_the_output_even_when_the_file_has_problems()
    {
        const string yaml = """
            qq:
              app_id: "1020"
              client_secret: "AppSecret-9f8e7d"
              sandbox: nope
            onebot:
              access_token: "Token-abc123"
              http_post: [ { url: "http://127.0.0.1:1/?access_token=Query-Token-55", secret: "Hmac-Secret-77" } ]
              reverse_ws: [ { url: "ws://127.0.0.1:1/ws?access_token=Query-Token-66", access_token: [ "Listed-Token-88" ] } ]
            """;
        using var file = new TempConfigFile(yaml);
        var environment = ConfigFiles.Environment(("QQ_CLIENT_SECRET", "Env-Secret-44"));

        var failing = await CliResult.InvokeAsync(environment, CancellationToken.None, "check-config", "--config", file.Path);
        using var valid = new TempConfigFile(yaml.Replace("sandbox: nope", "sandbox: false").Replace("[ \"Listed-Token-88\" ]", "\"Listed-Token-88\""));
        var passing = await CliResult.InvokeAsync(environment, CancellationToken.None, "check-config", "--config", valid.Path);

        Assert.That(failing.ExitCode, Is.EqualTo(2), failing.All);
        Assert.That(passing.ExitCode, Is.EqualTo(0), passing.All);
        foreach (var secret in new[] { "AppSecret-9f8e7d", "Token-abc123", "Query-Token-55", "Hmac-Secret-77", "Query-Token-66", "Listed-Token-88", "Env-Secret-44" })
        {
            Assert.That(failing.All, Does.Not.Contain(secret));
            Assert.That(passing.All, Does.Not.Contain(secret));
        }

        Assert.That(passing.Output, Does.Contain("qq.client_secret: set (from QQ_CLIENT_SECRET)"));
    }

    [Test]
    public async Task Version_prints_the_version()
    {
        var result = await CliResult.InvokeAsync("--version");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task An_unknown_verb_is_a_usage_error_with_exit_code_2()
    {
        var result = await CliResult.InvokeAsync("frobnicate");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("frobnicate"));
    }
}
