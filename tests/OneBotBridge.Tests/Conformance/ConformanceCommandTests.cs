using OneBotBridge.Tests.Host;

namespace OneBotBridge.Tests.Conformance;

public sealed class ConformanceCommandTests
{
    private const string Login = """
        { "name": "%NAME%", "steps": [
            { "action": { "action": "get_login_info", "echo": "1" } },
            { "expect_response": { "status": "ok", "retcode": 0, "echo": "1", "data": { "user_id": %ID% } } } ] }
        """;

    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("onebot-bridge-conformance-cli-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task A_passing_and_a_failing_fixture_print_one_line_each_a_summary_and_exit_1()
    {
        Write("a.json", Login.Replace("%NAME%", "login ok").Replace("%ID%", "102000001"));
        Write("b.json", Login.Replace("%NAME%", "login wrong").Replace("%ID%", "42"));

        var result = await CliResult.InvokeAsync("conformance", _directory.FullName);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EqualTo(new[]
        {
            "PASS login ok",
            "FAIL login wrong: step 2 (expect_response): at $.data.user_id: expected 42 got 102000001",
            "1 passed, 1 failed",
        }));
    }

    [Test]
    public async Task Only_passing_fixtures_exit_0()
    {
        Write("a.json", Login.Replace("%NAME%", "login ok").Replace("%ID%", "102000001"));

        var result = await CliResult.InvokeAsync("conformance", _directory.FullName);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.EndWith("1 passed, 0 failed" + Environment.NewLine));
    }

    [Test]
    public async Task An_unreadable_fixture_is_named_and_exits_2()
    {
        Write("broken.json", """{ "name": "x", "steps": [ { "wait": 1 } ] }""");

        var result = await CliResult.InvokeAsync("conformance", _directory.FullName);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("broken.json: step 1: needs exactly one of"));
    }

    [Test]
    public async Task A_missing_directory_exits_2()
    {
        var result = await CliResult.InvokeAsync("conformance", Path.Combine(_directory.FullName, "nope"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("no such directory"));
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_directory.FullName, name), json);
}
