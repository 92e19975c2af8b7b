using System.Globalization;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Keeps each chat's command menu in line with the person's role: active directors get the director menu in their
/// chat; anyone who stops being an active director goes back to the default menu. Runs after every committed batch
/// of updates (a registration, a role change, a deactivation) and once a minute; the chats already set are kept in
/// the database, so a failed call is retried and a restart repeats nothing.
/// </summary>
public sealed class CommandMenus(
    ITelegramBotClient bot,
    Database database,
    WorkSignals signals,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    ILogger<CommandMenus> logger) : BackgroundService
{
    public const string DirectorMenus = "menu_director_chats";

    /// <summary>One reconciliation; returns how many chats changed.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var (wanted, set) = database.Read(db => (
            new DirectorateStore(db).All().SelectMany(d => new PeopleStore(db.In(d.Id)).All()).Where(p => p.Active && p.IsDirector).Select(p => p.TelegramId).ToHashSet(),
            Parse(new AppSettings(db).Get(DirectorMenus))));
        var changed = 0;
        foreach (var id in wanted.Except(set).Concat(set.Except(wanted)).ToList())
        {
            var director = wanted.Contains(id);
            try
            {
                if (director)
                {
                    await bot.SetMyCommands(BotStartup.DirectorCommands, BotCommandScope.Chat(id), cancellationToken: cancellationToken);
                }
                else
                {
                    await bot.DeleteMyCommands(BotCommandScope.Chat(id), cancellationToken: cancellationToken);
                }
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
            {
                // The chat is gone or blocked the bot: nothing to show a menu to; do not retry.
                Log.LoopError(logger, nameof(CommandMenus), Redact.Describe(ex, options.Value.Token));
            }

            _ = director ? set.Add(id) : set.Remove(id);
            database.Write(db => new AppSettings(db).Set(DirectorMenus, string.Join(',', set.Order())));
            changed++;
        }

        return changed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
                await signals.Menus.WaitAsync(TimeSpan.FromMinutes(1), clock.Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LoopError(logger, nameof(CommandMenus), Redact.Describe(ex, options.Value.Token));
                await Task.Delay(TimeSpan.FromSeconds(5), clock.Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static HashSet<long> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
}
