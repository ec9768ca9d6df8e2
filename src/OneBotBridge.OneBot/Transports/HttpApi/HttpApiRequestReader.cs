using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Transports.HttpApi;

/// <summary>The outcome of reading an HTTP API request: the call, or the HTTP status that rejects it.</summary>
internal sealed record HttpApiRead(ActionRequest? Request, int Status, string Error)
{
    public static HttpApiRead Accepted(ActionRequest request) => new(request, StatusCodes.Status200OK, "");

    public static HttpApiRead Rejected(int status, string error) => new(null, status, error);
}

/// <summary>
/// Turns <c>GET|POST /:action</c> (params from the query string, a form or a JSON object, later
/// sources overriding earlier ones) and <c>POST /</c> with <c>{action, params}</c> into an
/// <see cref="ActionRequest"/>. Values stay as sent (strings from query and form); the dispatcher coerces.
/// </summary>
internal static class HttpApiRequestReader
{
    public static async Task<HttpApiRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return HttpApiRead.Rejected(StatusCodes.Status405MethodNotAllowed, "only GET and POST are supported");
        }

        var action = (request.Path.Value ?? "").Trim('/');
        if (action.Contains('/'))
        {
            return HttpApiRead.Rejected(StatusCodes.Status404NotFound, "the path must be /<action>");
        }

        var parameters = new JObject();
        foreach (var (key, values) in request.Query)
        {
            parameters[key] = values.ToString();
        }

        var hasBody = HttpMethods.IsPost(request.Method)
            && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        if (hasBody)
        {
            if (request.HasJsonContentType())
            {
                if (await ReadJsonObjectAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
                {
                    return HttpApiRead.Rejected(StatusCodes.Status400BadRequest, "the body is not a JSON object");
                }

                if (action.Length == 0)
                {
                    if (body["action"] is not JValue { Type: JTokenType.String } named
                        || body["params"] is not (null or JObject or JValue { Type: JTokenType.Null }))
                    {
                        return HttpApiRead.Rejected(StatusCodes.Status400BadRequest, "POST / needs {\"action\": string, \"params\": object}");
                    }

                    action = (string)named!;
                    body = body["params"] as JObject ?? [];
                }

                parameters.Merge(body);
            }
            else if (request.HasFormContentType)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException)
                {
                    return HttpApiRead.Rejected(StatusCodes.Status400BadRequest, "the form body is malformed");
                }

                foreach (var (key, values) in form)
                {
                    parameters[key] = values.ToString();
                }
            }
            else
            {
                return HttpApiRead.Rejected(StatusCodes.Status406NotAcceptable, "send application/json or a form");
            }
        }

        if (action.Length == 0)
        {
            return HttpMethods.IsGet(request.Method)
                ? HttpApiRead.Rejected(StatusCodes.Status404NotFound, "no action in the path")
                : HttpApiRead.Rejected(StatusCodes.Status400BadRequest, "POST / needs {\"action\": string, \"params\": object}");
        }

        return HttpApiRead.Accepted(new ActionRequest(action, parameters));
    }

    private static async Task<JObject?> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        try
        {
            return OneBotJson.Parse(body.GetBuffer().AsSpan(0, (int)body.Length)) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
