using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// Which handler answers which action name. Built once from the handlers (names read from their
/// <see cref="OneBotActionAttribute"/>s); a name claimed twice is a startup error.
/// </summary>
public sealed class ActionRegistry
{
    // go-cqhttp's variants that queue the call; the bridge runs them at once and answers retcode 0.
    private static readonly string[] RunNowSuffixes = ["_async", "_rate_limited"];

    private readonly FrozenDictionary<string, IOneBotActionHandler> _handlers;

    private ActionRegistry(FrozenDictionary<string, IOneBotActionHandler> handlers)
    {
        _handlers = handlers;
    }

    /// <summary>The registered names (without the <c>_async</c> / <c>_rate_limited</c> variants).</summary>
    public IReadOnlyCollection<string> Actions => _handlers.Keys;

    /// <exception cref="InvalidOperationException">A handler has no name, or two handlers claim one name.</exception>
    public static ActionRegistry FromHandlers(IEnumerable<IOneBotActionHandler> handlers)
    {
        var byName = new Dictionary<string, IOneBotActionHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            var type = handler.GetType();
            var names = type.GetCustomAttributes<OneBotActionAttribute>(inherit: false).Select(attribute => attribute.Name).ToList();
            if (names.Count == 0)
            {
                throw new InvalidOperationException($"{type.FullName} implements {nameof(IOneBotActionHandler)} but has no [OneBotAction(\"name\")] attribute.");
            }

            foreach (var name in names)
            {
                if (!byName.TryAdd(name, handler))
                {
                    throw new InvalidOperationException($"Action \"{name}\" is claimed by both {byName[name].GetType().FullName} and {type.FullName}.");
                }
            }
        }

        return new ActionRegistry(byName.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Finds the handler of <paramref name="action"/>: an exact name first, then the base action of
    /// an <c>*_async</c> / <c>*_rate_limited</c> name. <paramref name="name"/> is the name found.
    /// </summary>
    public bool TryResolve(string action, [NotNullWhen(true)] out IOneBotActionHandler? handler, [NotNullWhen(true)] out string? name)
    {
        if (_handlers.TryGetValue(action, out handler))
        {
            name = action;
            return true;
        }

        foreach (var suffix in RunNowSuffixes)
        {
            if (action.EndsWith(suffix, StringComparison.Ordinal) && _handlers.TryGetValue(action[..^suffix.Length], out handler))
            {
                name = action[..^suffix.Length];
                return true;
            }
        }

        name = null;
        return false;
    }
}
