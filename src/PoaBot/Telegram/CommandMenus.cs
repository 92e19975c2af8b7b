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
/// chat, the planning office the menu of what it may read; anyone who stops being either goes back to the default menu. Runs after every committed batch
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
        var (wanted, set) = database.Read(db => (Wanted(db), Parse(new AppSettings(db).Get(DirectorMenus))));
        var changed = 0;
        foreach (var id in wanted.Keys.Union(set.Keys).Where(id => wanted.GetValueOrDefault(id) != set.GetValueOrDefault(id)).ToList())
        {
            var role = wanted.GetValueOrDefault(id);
            try
            {
                if (role is null)
                {
                    await bot.DeleteMyCommands(BotCommandScope.Chat(id), cancellationToken: cancellationToken);
                }
                else
                {
                    await bot.SetMyCommands(role == Roles.Director ? BotStartup.DirectorCommands : BotStartup.PlanningCommands, BotCommandScope.Chat(id), cancellationToken: cancellationToken);
                }
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
            {
                // The chat is gone or blocked the bot: nothing to show a menu to; do not retry.
                Log.LoopError(logger, nameof(CommandMenus), Redact.Describe(ex, options.Value.Token));
            }

            if (role is null)
            {
                set.Remove(id);
            }
            else
            {
                set[id] = role;
            }

            database.Write(db => new AppSettings(db).Set(DirectorMenus, string.Join(',', set.OrderBy(e => e.Key).Select(e => e.Value == Roles.Director ? $"{e.Key}" : $"{e.Key}:{e.Value}"))));
            changed++;
        }

        return changed;
    }

    /// <summary>The chats that need a menu of their own, with its role: active directors, then the planning office.</summary>
    private static Dictionary<long, string> Wanted(DbSession db)
    {
        var wanted = new Dictionary<long, string>();
        foreach (var id in new DirectorateStore(db).All().SelectMany(d => new PeopleStore(db.In(d.Id)).All()).Where(p => p.Active && p.IsDirector).Select(p => p.TelegramId))
        {
            wanted[id] = Roles.Director;
        }

        foreach (var id in new PeopleStore(db).PlanningOffice())
        {
            wanted.TryAdd(id, Roles.Planning);
        }

        return wanted;
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

    /// <summary>The chats already set: «ID» a director's menu, «ID:planeacion» Planeación's.</summary>
    private static Dictionary<long, string> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':')).ToDictionary(
            e => long.Parse(e[0], CultureInfo.InvariantCulture), e => e.Length > 1 ? e[1] : Roles.Director);
}
