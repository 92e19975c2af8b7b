namespace PoaBot.Core.Storage;

/// <summary>Facts the bot keeps about itself, such as its Telegram username (learnt from getMe).</summary>
public sealed class AppSettings(DbSession db)
{
    public const string BotUsername = "bot_username";

    public string? Get(string key) => db.Single<string>("SELECT value FROM app_setting WHERE key = @key", new { key });

    public void Set(string key, string value) =>
        db.Execute("INSERT INTO app_setting (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key, value });
}
