using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Payung.Billing.NotifyParticipants;

/// <summary>
/// The default provider, for installations without an SMS or WhatsApp gateway: appends each message as one JSON line
/// to <c>PAYUNG_OUTBOX_FILE</c> (default <c>.data/outbox/messages.jsonl</c> under <c>PAYUNG_DATA_DIR</c> or the
/// checkout) and logs it, so an operator can forward the messages by hand or by script.
/// </summary>
internal sealed class FileOutboxProvider(string path, TimeProvider clock, ILogger<FileOutboxProvider> logger) : INotificationProvider
{
    public const string ProviderName = "file";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One process appends at a time, so lines never interleave.
    private readonly SemaphoreSlim gate = new(1, 1);

    public string Name => ProviderName;

    public string Path => path;

    public static string ResolvePath(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["PAYUNG_OUTBOX_FILE"] is { Length: > 0 } configured)
        {
            return System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        }

        var dataRoot = configuration["PAYUNG_DATA_DIR"] is { Length: > 0 } dataDir
            ? System.IO.Path.GetFullPath(dataDir, environment.ContentRootPath)
            : System.IO.Path.Combine(CheckoutOf(environment.ContentRootPath), ".data");
        return System.IO.Path.Combine(dataRoot, "outbox", "messages.jsonl");
    }

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(new
        {
            id = message.Id,
            kind = message.Kind,
            channel = message.Channel,
            recipient = message.Recipient,
            body = message.Body,
            writtenAt = clock.GetUtcNow(),
        }, Json);
        await gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await File.AppendAllTextAsync(path, line + "\n", ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SendResult.Failed($"outbox file {path}: {e.Message}");
        }
        finally
        {
            gate.Release();
        }

        logger.LogInformation("Outbox {Kind} message {Id} by {Channel} written to {Path}", message.Kind, message.Id, message.Channel, path);
        return SendResult.Sent($"file:{message.Id:N}");
    }

    // Like the embedded database's .data: the folder holding Payung.slnx when run from a checkout.
    private static string CheckoutOf(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Payung.slnx")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }
}
