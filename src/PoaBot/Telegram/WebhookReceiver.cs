using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PoaBot.Telegram;

/// <summary>
/// Webhook mode: Telegram posts each update to <c>Telegram:WebhookUrl</c>'s path (served by HttpEndpoints behind the
/// operator's TLS proxy). The secret header is checked in constant time; the body is stored through <see cref="InboxIntake"/>
/// and 200 is answered only after the commit, so Telegram sends again anything that was not stored.
/// </summary>
public sealed class WebhookReceiver(InboxIntake intake, IOptions<TelegramOptions> options, ILogger<WebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>An update is a few kilobytes; anything near this is not one.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// A store that cannot commit by then (a database locked from outside) is answered 503 and Telegram retries; if it commits
    /// later, the retry is a duplicate that the inbox ignores.
    /// </summary>
    public static readonly TimeSpan StoreDeadline = TimeSpan.FromSeconds(5);

    private readonly byte[] secretHash = Hash(options.Value.WebhookSecret ?? "");

    public async Task ReceiveAsync(HttpContext context)
    {
        context.Response.StatusCode = await StatusForAsync(context);
    }

    private async Task<int> StatusForAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers[SecretHeader].FirstOrDefault() is not { } secret || !CryptographicOperations.FixedTimeEquals(Hash(secret), secretHash))
        {
            Log.WebhookRefused(logger, StatusCodes.Status401Unauthorized, "no secret token or a wrong one");
            return StatusCodes.Status401Unauthorized;
        }

        string body;
        try
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            Log.WebhookRefused(logger, ex.StatusCode, ex.Message);
            return ex.StatusCode;
        }

        try
        {
            if (!await intake.StoreAsync(body, context.RequestAborted).WaitAsync(StoreDeadline, context.RequestAborted))
            {
                Log.WebhookRefused(logger, StatusCodes.Status400BadRequest, "the body is not an update");
                return StatusCodes.Status400BadRequest;
            }
        }
        catch (Exception ex) when (ex is TimeoutException or DbException or IOException)
        {
            Log.WebhookStoreFailed(logger, ex.Message);
            return StatusCodes.Status503ServiceUnavailable;
        }

        intake.Polled(1);
        return StatusCodes.Status200OK;
    }

    /// <summary>Compared as hashes, so that neither the content nor the length of the secret shows in the time taken.</summary>
    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
