using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneBotBridge.Configuration;
using OneBotBridge.Hosting;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Tests.Host;

public sealed class BridgeHostTests
{
    private const string Secret = "Host-Secret-7c1d";
    private const string Token = "Host-Token-22aa";

    private static BridgeConfiguration Configuration() =>
        ConfigFiles.Load(
            $"qq:\n  app_id: \"1020\"\n  client_secret: \"{Secret}\"\nonebot:\n  access_token: \"{Token}\"\nlogging:\n  level: trace\n").Configuration;

    [Test]
    public async Task A_bridge_host_starts_and_stops_with_the_configuration_registered()
    {
        var configuration = Configuration();
        using var host = BridgeHostBuilder.Create(configuration).Build();

        await host.StartAsync(CancellationToken.None);
        await host.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(host.Services.GetRequiredService<BridgeConfiguration>(), Is.SameAs(configuration));
            Assert.That(host.Services.GetRequiredService<QQOptions>(), Is.SameAs(configuration.Qq));
            Assert.That(host.Services.GetRequiredService<IOptions<QQOptions>>().Value, Is.SameAs(configuration.Qq));
            Assert.That(host.Services.GetRequiredService<IOptions<global::OneBotBridge.OneBot.Configuration.OneBotOptions>>().Value, Is.SameAs(configuration.OneBot));
            Assert.That(host.Services.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
            Assert.That(host.Services.GetRequiredService<BridgeExit>().ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task The_host_logs_what_it_runs_with_but_never_a_secret()
    {
        var logs = new CapturingLoggerProvider();
        var builder = BridgeHostBuilder.Create(Configuration());
        builder.Logging.AddProvider(logs);
        using var host = builder.Build();

        await host.StartAsync(CancellationToken.None);
        await host.StopAsync(CancellationToken.None);

        Assert.That(logs.Lines, Has.Some.Contains("QQ bot 1020"));
        Assert.That(logs.Lines, Has.Some.Contains("stopped"));
        Assert.That(logs.Lines, Has.None.Contains(Secret).And.None.Contains(Token));
    }

    [Test]
    public async Task A_cancelled_run_exits_0()
    {
        using var stop = new CancellationTokenSource();
        var builder = BridgeHostBuilder.Create(Configuration());
        builder.Services.AddHostedService(_ => new ActOnStart(stop.Cancel));
        using var error = new StringWriter();

        var exitCode = await BridgeRunner.RunAsync(builder, error, stop.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.EqualTo(0));
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public async Task A_fatal_error_stops_the_run_with_exit_code_1_and_its_message_without_secrets()
    {
        var builder = BridgeHostBuilder.Create(Configuration());
        builder.Services.AddHostedService(services =>
            new ActOnStart(() => services.GetRequiredService<BridgeExit>().Fail($"gateway closed 4014: intent not authorised (secret {Secret})")));
        using var error = new StringWriter();

        var exitCode = await BridgeRunner.RunAsync(builder, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("gateway closed 4014: intent not authorised"));
        Assert.That(error.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task A_part_that_cannot_start_ends_the_run_with_exit_code_1()
    {
        var builder = BridgeHostBuilder.Create(Configuration());
        builder.Services.AddHostedService(_ => new ActOnStart(() => throw new IOException("address 127.0.0.1:6700 is already in use")));
        using var error = new StringWriter();

        var exitCode = await BridgeRunner.RunAsync(builder, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("address 127.0.0.1:6700 is already in use"));
    }

    [Test]
    public void Only_the_first_fatal_error_is_kept()
    {
        var builder = BridgeHostBuilder.Create(Configuration());
        using var host = builder.Build();
        var exit = host.Services.GetRequiredService<BridgeExit>();

        exit.Fail("first");
        exit.Fail("second");

        Assert.That(exit.FatalMessage, Is.EqualTo("first"));
        Assert.That(exit.ExitCode, Is.EqualTo(1));
        Assert.That(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, Is.True);
    }

    /// <summary>A part that does one thing as the host starts.</summary>
    private sealed class ActOnStart(Action action) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            action();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
