using System.Security.Cryptography;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using Microsoft.Extensions.Options;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using PoaBot.Evidence;

namespace PoaBot.Telegram;

/// <summary>
/// Downloads evidence (≤ 20 MB, Telegram's limit for bots) into the folder beside the database, named by its SHA-256:
/// a file_id works only for this bot, so the file itself is kept. Each file has its own time limit (Telegram:DownloadTimeout).
/// </summary>
public sealed class EvidenceDownloader(ITelegramBotClient bot, Database database, MunicipalClock clock, IOptions<TelegramOptions> options)
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public async Task<Input> DownloadAsync(Input input, CancellationToken cancellationToken)
    {
        if (input.FileId is null)
        {
            return input;
        }

        if (input.FileSize > MaxBytes)
        {
            return input with { FileProblem = FileProblem.TooBig };
        }

        var folder = database.EvidenceFolder;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{EvidenceFiles.TempPrefix}{Guid.NewGuid():N}");
        using var timeout = new CancellationTokenSource(options.Value.DownloadTimeout, clock.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        cancellationToken = linked.Token;
        try
        {
            var file = await bot.GetFile(input.FileId, cancellationToken);
            if (file.FileSize > MaxBytes || file.FilePath is null)
            {
                return input with { FileProblem = file.FilePath is null ? FileProblem.Failed : FileProblem.TooBig };
            }

            await using (var stream = File.Create(temp))
            {
                // The limit holds on the bytes that arrive, whatever size the server announced.
                await bot.DownloadFile(file.FilePath, new LimitedStream(stream, MaxBytes), cancellationToken);
            }

            // Photos lose their EXIF (GPS position included) before anything is kept.
            var bytes = JpegMetadata.Strip(await File.ReadAllBytesAsync(temp, cancellationToken));
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));

            var target = Path.Combine(folder, hash + Extension(input, file.FilePath));
            if (!File.Exists(target))
            {
                await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
                File.Move(temp, target);
            }

            return input with { FileHash = hash, FilePath = target, FileSize = bytes.Length };
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && ex is OperationCanceledException or RequestException or HttpRequestException or IOException)
        {
            return input with { FileProblem = FileProblem.TooSlow };
        }
        catch (Exception ex) when (TooBigException.In(ex) || (ex is ApiRequestException && ex.Message.Contains("too big", StringComparison.OrdinalIgnoreCase)))
        {
            return input with { FileProblem = FileProblem.TooBig };
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or IOException or ApiRequestException)
        {
            return input with { FileProblem = FileProblem.Failed };
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string Extension(Input input, string filePath)
    {
        var ext = Path.GetExtension(input.FileName ?? filePath);
        return ext.Length is > 1 and <= 6 && ext[1..].All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : input.Kind == InputKind.Photo ? ".jpg" : ".bin";
    }
}
