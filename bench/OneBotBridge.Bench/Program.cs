using OneBotBridge.Bench.Cli;

return await BenchCli.InvokeAsync(args, Console.Out, Console.Error);
