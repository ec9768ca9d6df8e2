using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OneBotBridge.Configuration;
using OneBotBridge.Hosting;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.Simulation;
using OneBotBridge.Simulator;

namespace OneBotBridge.Cli;

/// <summary>
/// <c>simulate [--config PATH] [--no-demo]</c>: the same bridge as <c>run</c>, with the OneBot side of
/// bridge.yaml, against a simulated QQ platform started in the same process — no credentials needed.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The simulated gateway's heartbeat: a few seconds, so a dead link shows quickly.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>The simulation's database, beside the real one so the two never mix.</summary>
    public const string DatabaseName = "simulate.db";

    public static Command Create(EnvironmentLookup environment, TextReader input)
    {
        var config = ConfigPathOption.Create();
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not play the automatic demo conversation" };
        var webhook = new Option<bool>("--webhook") { Description = "Deliver events by signed HTTP callbacks (qq.transport: webhook) instead of the gateway" };
        var command = new Command("simulate", "Run the bridge against a built-in simulated QQ platform (no credentials needed)");
        command.Options.Add(config);
        command.Options.Add(noDemo);
        command.Options.Add(webhook);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(config),
            new SimulationSettings(Demo: !parseResult.GetValue(noDemo), Webhook: parseResult.GetValue(webhook)),
            environment,
            input,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string path,
        SimulationSettings settings,
        EnvironmentLookup environment,
        TextReader input,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var result = new BridgeConfigurationLoader(environment).LoadFile(path);
        if (!result.IsValid)
        {
            ProblemReport.Write(error, path, result.Problems);
            error.WriteLine($"{path}: {ProblemReport.Count(result.Problems.Count)}; `onebot-bridge check-config` checks a file without starting");
            return ExitCodes.ConfigError;
        }

        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { HeartbeatInterval = Heartbeat }, cancellationToken);
        var configuration = result.Configuration;
        PointAt(configuration, simulator, settings);

        var builder = BridgeHostBuilder.Create(configuration);
        builder.Services.AddBridgeRuntime();
        builder.Services.AddSingleton(simulator);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new SimulationConsole(output));
        builder.Services.AddSingleton<DemoPlatform>();
        builder.Services.AddHostedService<SimulationBanner>();
        builder.Services.AddHostedService<PlatformReceiptPrinter>();
        if (configuration.Qq.Transport == QQTransport.Webhook)
        {
            builder.Services.AddHostedService<SimulatedWebhookRegistration>();
        }

        builder.Services.AddHostedService(provider => ActivatorUtilities.CreateInstance<TerminalChat>(provider, input));
        if (settings.Demo)
        {
            builder.Services.AddHostedService<DemoConversation>();
        }

        return await BridgeRunner.RunAsync(builder, error, cancellationToken);
    }

    /// <summary>
    /// Replaces the upstream settings with the simulator's and moves storage to <see cref="DatabaseName"/> beside
    /// <c>storage.path</c>; the OneBot side stays as configured. Webhook mode (<c>--webhook</c>, or
    /// <c>qq.transport: webhook</c> in the file) takes callbacks on a free loopback port over plain HTTP.
    /// </summary>
    private static void PointAt(BridgeConfiguration configuration, QQSimulator simulator, SimulationSettings settings)
    {
        var qq = configuration.Qq;
        qq.AppId = simulator.Options.AppId;
        qq.ClientSecret = simulator.Options.ClientSecret;
        qq.Sandbox = false;
        qq.ApiBase = simulator.ApiBase;
        qq.TokenUrl = simulator.TokenUrl;
        qq.Shards = null;
        if (settings.Webhook)
        {
            qq.Transport = QQTransport.Webhook;
        }

        qq.Webhook.Listen = "127.0.0.1:0";
        qq.Webhook.Tls = new WebhookTlsOptions();
        configuration.Storage.Path = Path.Combine(Path.GetDirectoryName(configuration.Storage.Path) ?? "", DatabaseName);
    }
}
