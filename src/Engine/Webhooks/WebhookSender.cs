using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage.Records;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace LowCode.Engine.Webhooks;

/// <summary>
/// Sends one outbox webhook: resolves its named connection, signs the body (HMAC-SHA256), sends it with the same
/// idempotency key on every attempt, through a Polly 8 pipeline from Microsoft.Extensions.Http.Resilience (per-attempt
/// timeout, retries of transient failures with exponential backoff and jitter), and never to an address the
/// <see cref="OutboundPolicy"/> refuses. Delays and timeouts run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string SignatureHeader = "X-LowCode-Signature";
    public const string TimestampHeader = "X-LowCode-Timestamp";

    private readonly BoundaryOptions _options;
    private readonly TimeProvider _clock;
    private readonly OutboundPolicy _policy;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<(int Retries, int Timeout, TimeSpan Delay), ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public WebhookSender(RuntimeOptions options, TimeProvider clock)
        : this(options, clock, null)
    {
    }

    /// <summary>
    /// Sends through <paramref name="receiver"/> instead of the network: an in-process stand-in for the systems behind the
    /// connections (the history generator's simulated ERP). Nothing leaves the process, so the outbound policy, which
    /// guards real connections, has nothing to check.
    /// </summary>
    public WebhookSender(RuntimeOptions options, TimeProvider clock, HttpMessageHandler? receiver)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Boundaries;
        _clock = clock;
        _policy = new OutboundPolicy(_options.AllowedHosts);
        var handler = receiver ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _client.Dispose();

    public async Task<WebhookOutcome> SendAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_options.Connections.TryGetValue(message.Target, out var connection) || !Uri.TryCreate(connection.BaseUrl, UriKind.Absolute, out var baseUri))
        {
            return new WebhookOutcome(false, 0, null, null, $"Connection '{message.Target}' is not configured (or has no absolute BaseUrl): add LowCode:Connections:{message.Target}:BaseUrl to the configuration of this environment.", false);
        }

        var target = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + (message.Path ?? string.Empty).TrimStart('/'));
        var attempts = 0;
        var pipeline = Pipeline(message.Retries, message.TimeoutSeconds, connection.RetryDelay);
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    using var request = Request(message, connection, target);
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookOutcome(true, attempts, status, ParseJson(text), null, false)
                : new WebhookOutcome(false, attempts, status, ParseJson(text), $"{target} answered {status} {response.ReasonPhrase} after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}.", false);
        }
        catch (HttpRequestException ex) when (Refused(ex) is { } refused)
        {
            return new WebhookOutcome(false, attempts, null, null, refused.Message, true);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException)
        {
            return new WebhookOutcome(false, attempts, null, null, $"{target} could not be reached after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}: {ex.Message}", false);
        }
    }

    private HttpRequestMessage Request(OutboxRecord message, WebhookConnection connection, Uri target)
    {
        var request = new HttpRequestMessage(new HttpMethod(message.Method ?? "POST"), target);
        var body = message.Body;
        if (request.Method != HttpMethod.Get)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        foreach (var (name, value) in connection.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (message.Headers is { } json && JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.Remove(IdempotencyHeader);
        request.Headers.TryAddWithoutValidation(IdempotencyHeader, message.IdempotencyKey);
        if (connection.Secret is { Length: > 0 } secret)
        {
            var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);
            request.Headers.TryAddWithoutValidation(SignatureHeader, "sha256=" + Sign(secret, timestamp, body));
        }

        return request;
    }

    /// <summary>HMAC-SHA256 over <c>timestamp + "." + body</c>, hex; the receiver recomputes it with the shared secret and rejects old timestamps.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private ResiliencePipeline<HttpResponseMessage> Pipeline(int retries, int timeoutSeconds, TimeSpan delay) =>
        _pipelines.GetOrAdd((retries, timeoutSeconds, delay), key =>
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
            if (key.Retries > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = key.Retries,
                    Delay = key.Delay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } ex ? Refused(ex) is null && ex is HttpRequestException or TimeoutRejectedException or IOException
                        : args.Outcome.Result is { } response && Transient(response.StatusCode)),
                });
            }

            builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(Math.Max(1, key.Timeout)) });
            return builder.Build();
        });

    private static bool Transient(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        foreach (var address in addresses)
        {
            if (_policy.Refusal(host, address) is { } refusal)
            {
                throw new OutboundRefusedException(refusal);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static OutboundRefusedException? Refused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static JsonNode? ParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text.Length > 4000 ? text[..4000] : text);
        }
    }
}
