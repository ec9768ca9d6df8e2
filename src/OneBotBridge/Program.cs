using OneBotBridge.Cli;

return await BridgeCli.InvokeAsync(args, Console.Out, Console.Error);
