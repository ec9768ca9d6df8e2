using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// Runs one OneBot action, named by the class's <see cref="OneBotActionAttribute"/>. Returns the
/// response <c>data</c>; fails by throwing <see cref="ActionFailedException"/> with a retcode from
/// <see cref="Abstractions.Retcode"/>. Any other exception is answered with retcode 1500.
/// </summary>
public interface IOneBotActionHandler
{
    Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken);
}
