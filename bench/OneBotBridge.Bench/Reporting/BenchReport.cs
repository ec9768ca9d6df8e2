using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using OneBotBridge.Bench.Scenarios;

namespace OneBotBridge.Bench.Reporting;

/// <summary>One invocation's figures, where they were measured and how, and the targets checked against them.</summary>
internal sealed class BenchReport(string command, BenchSettings settings, MachineInfo machine, BenchResults results)
{
    private static readonly JsonSerializerSettings JsonSettings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new SnakeCaseNamingStrategy()) },
        Formatting = Formatting.Indented,
    };

    public string Command => command;

    public MachineInfo Machine => machine;

    public bool Smoke => settings.Smoke;

    public double RunSeconds => settings.RunDuration.TotalSeconds;

    public double WarmupSeconds => settings.Warmup.TotalSeconds;

    public double ProcessWarmupSeconds => settings.ProcessWarmup.TotalSeconds;

    public BenchResults Results => results;

    public IReadOnlyList<TargetCheck> Targets { get; } = Reporting.Targets.Check(results);

    public string ToJson() => JsonConvert.SerializeObject(this, JsonSettings);
}
