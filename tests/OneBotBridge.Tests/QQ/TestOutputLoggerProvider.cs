using Microsoft.Extensions.Logging;

namespace OneBotBridge.Tests.QQ;

/// <summary>Writes log lines to the output of the test that created it, so a failing test shows what happened.</summary>
internal sealed class TestOutputLoggerProvider(TextWriter output, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly TextWriter _output = output;
    private readonly LogLevel _minimum = minimum;

    public static ILoggerFactory CreateFactory(LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new TestOutputLoggerProvider(TestContext.Out, minimum)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private sealed class Logger(TestOutputLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (owner._gate)
            {
                owner._output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}");
            }
        }
    }
}
