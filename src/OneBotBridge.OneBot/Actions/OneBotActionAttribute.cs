namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// Names the OneBot action an <see cref="IOneBotActionHandler"/> answers; repeat it for aliases.
/// The <c>_async</c> and <c>_rate_limited</c> variants need no attribute: they run the base action.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OneBotActionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
