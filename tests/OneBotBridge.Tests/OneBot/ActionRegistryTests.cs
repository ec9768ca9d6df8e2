using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Tests.OneBot;

public sealed class ActionRegistryTests
{
    [Test]
    public void A_handler_answers_every_name_it_declares()
    {
        var registry = ActionRegistry.FromHandlers([new AliasedHandler()]);

        Assert.That(registry.Actions, Is.EquivalentTo(new[] { "first_name", "second_name" }));
        Assert.That(registry.TryResolve("second_name_async", out var handler, out var name), Is.True);
        Assert.That(handler, Is.TypeOf<AliasedHandler>());
        Assert.That(name, Is.EqualTo("second_name"));
        Assert.That(registry.TryResolve("third_name", out _, out _), Is.False);
    }

    [Test]
    public void Two_handlers_for_one_name_is_a_startup_error()
    {
        Assert.That(
            () => ActionRegistry.FromHandlers([new AliasedHandler(), new ClashingHandler()]),
            Throws.InvalidOperationException.With.Message.Contains("\"second_name\"").And.Message.Contains(nameof(ClashingHandler)));
    }

    [Test]
    public void A_handler_without_a_name_is_a_startup_error()
    {
        Assert.That(
            () => ActionRegistry.FromHandlers([new NamelessHandler()]),
            Throws.InvalidOperationException.With.Message.Contains(nameof(NamelessHandler)));
    }

    [Test]
    public async Task Dependency_injection_wires_built_ins_and_handlers_registered_by_others()
    {
        var services = new ServiceCollection().AddLogging().AddOneBotProtocol();
        services.AddSingleton<IOneBotActionHandler, AliasedHandler>();
        await using var provider = services.BuildServiceProvider();

        var dispatcher = provider.GetRequiredService<IActionDispatcher>();
        var builtIn = await dispatcher.DispatchAsync(new ActionRequest("can_send_image", []), CancellationToken.None);
        var added = await dispatcher.DispatchAsync(new ActionRequest("first_name", []), CancellationToken.None);

        Assert.That(builtIn.Retcode, Is.EqualTo(Retcode.Ok));
        Assert.That(added.Retcode, Is.EqualTo(Retcode.Ok));
        Assert.That(provider.GetRequiredService<IEventSource>(), Is.SameAs(provider.GetRequiredService<OneBotBridge.OneBot.Events.EventHub>()));
    }

    [OneBotAction("first_name")]
    [OneBotAction("second_name")]
    private sealed class AliasedHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult<JToken?>(null);
    }

    [OneBotAction("second_name")]
    private sealed class ClashingHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult<JToken?>(null);
    }

    private sealed class NamelessHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult<JToken?>(null);
    }
}
