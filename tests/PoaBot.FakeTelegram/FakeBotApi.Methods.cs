using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PoaBot.FakeTelegram;

// The Bot API methods the fake implements.
public sealed partial class FakeBotApi
{
    private const long MaxDocumentUploadBytes = 50L * 1024 * 1024;

    private static readonly HashSet<string> DefaultExcludedUpdates = new(StringComparer.Ordinal)
    {
        "chat_member", "message_reaction", "message_reaction_count",
    };

    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private HashSet<string>? _allowedUpdates;
    private PollState? _activePoll;
    private bool? _lastDropPendingUpdates;

    /// <summary>drop_pending_updates of the last deleteWebhook call (null if none was made).</summary>
    public bool? LastDropPendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _lastDropPendingUpdates;
            }
        }
    }

    /// <summary>The allowed_updates the server remembers (null means the default set).</summary>
    public IReadOnlyCollection<string>? AllowedUpdates
    {
        get
        {
            lock (_gate)
            {
                return _allowedUpdates is null ? null : [.. _allowedUpdates];
            }
        }
    }

    /// <summary>Commands stored by setMyCommands for a scope type ("default", "all_private_chats", ...) and language ("" = any).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GetCommands(string scopeType = "default", string languageCode = "")
    {
        lock (_gate)
        {
            return _commands.TryGetValue(scopeType + "|" + languageCode, out var list)
                ? [.. list.Select(c => new KeyValuePair<string, string>((string)c!["command"]!, (string)c["description"]!))]
                : [];
        }
    }

    private Dictionary<string, (string, Func<ApiParameters, CancellationToken, Task<JsonNode>>)> CreateMethodTable()
    {
        var table = new Dictionary<string, (string, Func<ApiParameters, CancellationToken, Task<JsonNode>>)>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, Func<ApiParameters, JsonNode> handler) => table[name] = (name, (p, _) => Task.FromResult(handler(p)));
        void AddAsync(string name, Func<ApiParameters, CancellationToken, Task<JsonNode>> handler) => table[name] = (name, handler);

        Add("getMe", _ => GetMeJson());
        Add("logOut", _ => true);
        Add("close", _ => true);
        AddAsync("getUpdates", GetUpdatesAsync);
        Add("setWebhook", SetWebhook);
        Add("deleteWebhook", DeleteWebhook);
        Add("getWebhookInfo", _ => GetWebhookInfo());
        Add("setMyCommands", SetMyCommands);
        Add("getMyCommands", GetMyCommands);
        Add("deleteMyCommands", DeleteMyCommands);
        Add("setMyDescription", _ => true);
        Add("setMyShortDescription", _ => true);
        Add("setChatMenuButton", _ => true);
        Add("getChatMenuButton", _ => new JsonObject { ["type"] = "commands" });
        Add("sendChatAction", SendChatAction);
        Add("sendMessage", SendMessage);
        Add("editMessageText", EditMessageText);
        Add("editMessageReplyMarkup", EditMessageReplyMarkup);
        Add("deleteMessage", DeleteMessage);
        Add("answerCallbackQuery", AnswerCallbackQuery);
        AddAsync("sendDocument", (p, ct) => SendMediaAsync(p, "document", ct));
        AddAsync("sendPhoto", (p, ct) => SendMediaAsync(p, "photo", ct));
        Add("getFile", GetFile);
        return table;
    }

    private JsonObject GetMeJson() => new()
    {
        ["id"] = _options.BotId,
        ["is_bot"] = true,
        ["first_name"] = _options.BotFirstName,
        ["username"] = _options.BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
        ["can_connect_to_business"] = false,
        ["has_main_web_app"] = false,
    };

    // ---- getUpdates -------------------------------------------------------------------------

    private async Task<JsonNode> GetUpdatesAsync(ApiParameters p, CancellationToken cancellationToken)
    {
        var offset = p.GetLong("offset") ?? 0;
        var limit = Math.Clamp(p.GetInt("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(p.GetInt("timeout") ?? 0, 0, 86_400));
        var me = new PollState();
        lock (_gate)
        {
            if (_webhookUrl is not null)
            {
                throw new BotApiException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            RememberAllowedUpdatesLocked(p);
            if (offset > 0)
            {
                _queue.RemoveAll(u => u.Id < offset);
            }
            else if (offset < 0 && _queue.Count > -offset)
            {
                _queue.RemoveRange(0, _queue.Count - (int)Math.Min(int.MaxValue, -offset));
            }

            // Like the real API, a newer getUpdates terminates the pending one with 409.
            if (_activePoll is { } older)
            {
                older.Conflicted = true;
                older.Woken.TrySetResult();
            }

            _activePoll = me;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                Task signal;
                lock (_gate)
                {
                    if (me.Conflicted)
                    {
                        throw new BotApiException(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                    }

                    if (_webhookUrl is not null)
                    {
                        throw new BotApiException(409, "Conflict: terminated by setWebhook request");
                    }

                    var batch = CollectUpdatesLocked(limit);
                    if (batch.Count > 0 || clock.Elapsed >= timeout || cancellationToken.IsCancellationRequested)
                    {
                        return new JsonArray([.. batch.Select(u => JsonNode.Parse(u.Json))]);
                    }

                    signal = _updatesSignal.Task;
                }

                await WaitAnyAsync(signal, me.Woken.Task, timeout - clock.Elapsed, cancellationToken);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_activePoll, me))
                {
                    _activePoll = null;
                }
            }
        }
    }

    private List<StoredUpdate> CollectUpdatesLocked(int limit)
    {
        var batch = new List<StoredUpdate>();
        var ids = new HashSet<long>();
        foreach (var update in _redeliver.ToList())
        {
            if (batch.Count >= limit)
            {
                break;
            }

            _redeliver.Remove(update);
            if (IsAllowedLocked(update.Type) && ids.Add(update.Id))
            {
                batch.Add(update);
            }
        }

        foreach (var update in _queue)
        {
            if (batch.Count >= limit)
            {
                break;
            }

            if (IsAllowedLocked(update.Type) && ids.Add(update.Id))
            {
                batch.Add(update);
            }
        }

        batch.Sort((a, b) => a.Id.CompareTo(b.Id));
        return batch;
    }

    private bool IsAllowedLocked(string type) =>
        _allowedUpdates?.Contains(type) ?? !DefaultExcludedUpdates.Contains(type);

    /// <summary>allowed_updates, when given, is remembered for later calls (an empty list means the default set).</summary>
    private void RememberAllowedUpdatesLocked(ApiParameters p)
    {
        if (p.GetJson("allowed_updates") is { ValueKind: JsonValueKind.Array } list)
        {
            var types = list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            _allowedUpdates = types.Count == 0 ? null : types;
        }
    }

    private JsonNode DeleteWebhook(ApiParameters p)
    {
        var drop = p.GetBool("drop_pending_updates");
        lock (_gate)
        {
            _lastDropPendingUpdates = drop;
            _webhookUrl = null;
            _webhookSecret = null;
            _webhookLastError = null;
            if (drop)
            {
                _queue.Clear();
                _redeliver.Clear();
            }
        }

        return true;
    }

    private JsonObject GetWebhookInfo()
    {
        lock (_gate)
        {
            return WebhookInfoLocked();
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    private static string CommandsKey(ApiParameters p)
    {
        var scope = p.GetJson("scope");
        var type = scope is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : "default";
        if (scope is { ValueKind: JsonValueKind.Object } withChat && withChat.TryGetProperty("chat_id", out var chat))
        {
            type += ":" + chat.GetRawText().Trim('"');
            if (withChat.TryGetProperty("user_id", out var user))
            {
                type += ":" + user.GetRawText();
            }
        }

        return type + "|" + (p.GetString("language_code") ?? "");
    }

    private JsonNode SetMyCommands(ApiParameters p)
    {
        var commands = p.GetJson("commands");
        if (commands is not { ValueKind: JsonValueKind.Array } list)
        {
            throw BotApiException.BadRequest("parameter \"commands\" is required");
        }

        var stored = new JsonArray();
        foreach (var command in list.EnumerateArray())
        {
            if (command.ValueKind != JsonValueKind.Object
                || !command.TryGetProperty("command", out var name) || name.ValueKind != JsonValueKind.String)
            {
                throw BotApiException.BadRequest("can't parse BotCommand: Can't find field \"command\"");
            }

            if (!command.TryGetProperty("description", out var description) || description.ValueKind != JsonValueKind.String)
            {
                throw BotApiException.BadRequest("can't parse BotCommand: Can't find field \"description\"");
            }

            var nameText = name.GetString()!;
            var descriptionText = description.GetString()!;
            if (!Regex.IsMatch(nameText, "^[a-z0-9_]{1,32}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (descriptionText.Trim().Length == 0)
            {
                throw BotApiException.BadRequest("command description must be non-empty");
            }

            if (descriptionText.Length > 256)
            {
                throw BotApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            stored.Add(new JsonObject { ["command"] = nameText, ["description"] = descriptionText });
        }

        if (stored.Count > 100)
        {
            throw BotApiException.BadRequest("too many commands specified");
        }

        var key = CommandsKey(p);
        lock (_gate)
        {
            _commands[key] = stored;
        }

        return true;
    }

    private JsonNode GetMyCommands(ApiParameters p)
    {
        var key = CommandsKey(p);
        lock (_gate)
        {
            return _commands.TryGetValue(key, out var list) ? list.DeepClone() : new JsonArray();
        }
    }

    private JsonNode DeleteMyCommands(ApiParameters p)
    {
        var key = CommandsKey(p);
        lock (_gate)
        {
            _commands.Remove(key);
        }

        return true;
    }

    // ---- sending ----------------------------------------------------------------------------

    private static long RequireChatId(ApiParameters p)
    {
        long? chatId;
        try
        {
            chatId = p.GetLong("chat_id");
        }
        catch (BotApiException)
        {
            throw BotApiException.BadRequest("chat not found");
        }

        return chatId ?? throw BotApiException.BadRequest("chat_id is empty");
    }

    private ChatState RequireChatLocked(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            throw BotApiException.BadRequest("chat not found");
        }

        if (chat.Blocked)
        {
            throw new BotApiException(403, "Forbidden: bot was blocked by the user");
        }

        return chat;
    }

    /// <summary>parse_mode is case-insensitive in the real API (Telegram.Bot 22 sends "Html"); report the canonical spelling.</summary>
    private static string? CanonicalParseMode(string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        null or "" => null,
        "HTML" => "HTML",
        "MARKDOWNV2" => "MarkdownV2",
        "MARKDOWN" => "Markdown",
        _ => parseMode,
    };

    private ParsedText ParseText(string? text, string? parseMode)
    {
        text ??= "";
        if (string.IsNullOrEmpty(parseMode))
        {
            return new ParsedText(text, []);
        }

        if (string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            return TelegramHtml.Parse(text, _options.RejectBareAmpersand);
        }

        if (string.Equals(parseMode, "MarkdownV2", StringComparison.OrdinalIgnoreCase)
            || string.Equals(parseMode, "Markdown", StringComparison.OrdinalIgnoreCase))
        {
            // Not parsed by this fake: the text is stored as sent.
            return new ParsedText(text, []);
        }

        throw BotApiException.BadRequest("unsupported parse_mode");
    }

    private ParsedText ParseMessageText(ApiParameters p)
    {
        var parsed = ParseText(p.GetString("text"), p.GetString("parse_mode"));
        if (parsed.Text.Trim().Length == 0)
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        if (parsed.Text.Length > 4096)
        {
            throw BotApiException.BadRequest("message is too long");
        }

        return parsed;
    }

    private void ConsumeRateLimitLocked(ChatState chat)
    {
        if (!_options.EnforceRateLimits)
        {
            return;
        }

        var now = _time.GetUtcNow();
        chat.Bucket ??= new TokenBucket(_options.PerChatBurst, _options.PerChatMessagesPerSecond, now);
        var wait = Math.Max(chat.Bucket.SecondsUntilAvailable(now), _globalBucket.SecondsUntilAvailable(now));
        if (wait > 0)
        {
            _rateLimitedCount++;
            throw TooManyRequests(Math.Max(1, (int)Math.Ceiling(wait)));
        }

        chat.Bucket.Take(now);
        _globalBucket.Take(now);
    }

    private static long? ReplyTarget(ApiParameters p, ChatState chat)
    {
        long? target = null;
        var allowWithout = p.GetBool("allow_sending_without_reply");
        if (p.GetJson("reply_parameters") is { ValueKind: JsonValueKind.Object } reply
            && reply.TryGetProperty("message_id", out var id) && id.TryGetInt64(out var messageId))
        {
            target = messageId;
            allowWithout |= reply.TryGetProperty("allow_sending_without_reply", out var allow) && allow.ValueKind == JsonValueKind.True;
        }
        else
        {
            target = p.GetLong("reply_to_message_id");
        }

        if (target is { } value && !chat.Messages.ContainsKey(value))
        {
            if (allowWithout)
            {
                return null;
            }

            throw BotApiException.BadRequest("message to be replied not found");
        }

        return target;
    }

    private JsonNode SendMessage(ApiParameters p)
    {
        var chatId = RequireChatId(p);
        var parsed = ParseMessageText(p);
        var markup = MarkupInfo.Parse(p.GetJson("reply_markup"));
        return StoreSentMessage("sendMessage", chatId, p, parsed, markup, kind: "text", media: null, fileName: null, content: null);
    }

    private JsonObject StoreSentMessage(string method, long chatId, ApiParameters p, ParsedText parsed, MarkupInfo markup,
        string kind, JsonNode? media, string? fileName, byte[]? content)
    {
        lock (_gate)
        {
            var chat = RequireChatLocked(chatId);
            var replyTo = ReplyTarget(p, chat);
            ConsumeRateLimitLocked(chat);
            var now = _time.GetUtcNow();
            var stored = new StoredMessage
            {
                MessageId = chat.NextMessageId++,
                FromBot = true,
                Date = now.ToUnixTimeSeconds(),
                Text = parsed.Text,
                Entities = parsed.Entities,
                Kind = kind,
                Media = media,
                Markup = markup,
                ReplyTo = replyTo,
            };
            chat.Messages[stored.MessageId] = stored;
            var rawText = (kind == "text" ? p.GetString("text") : p.GetString("caption")) ?? "";
            _messages.Add(new SentMessage(chat.Id, stored.MessageId, parsed.Text, CanonicalParseMode(p.GetString("parse_mode")), markup.Inline, markup.Reply,
                method, now, fileName, content)
            {
                RawText = rawText,
                ReplyMarkupJson = markup.RawJson,
                RemovesReplyKeyboard = markup.Remove,
                ReplyToMessageId = replyTo,
            });
            SignalChangedLocked();
            return BuildMessageJsonLocked(chat, stored);
        }
    }

    private JsonObject BuildMessageJsonLocked(ChatState chat, StoredMessage stored)
    {
        var message = new JsonObject
        {
            ["message_id"] = stored.MessageId,
            ["from"] = stored.FromBot ? BotUserJson() : UserJson(chat.Id),
            ["chat"] = ChatJson(chat),
            ["date"] = stored.Date,
        };
        if (stored.EditDate is { } editDate)
        {
            message["edit_date"] = editDate;
        }

        if (stored.ReplyTo is { } replyTo && chat.Messages.TryGetValue(replyTo, out var replied))
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = replied.MessageId,
                ["from"] = replied.FromBot ? BotUserJson() : UserJson(chat.Id),
                ["chat"] = ChatJson(chat),
                ["date"] = replied.Date,
                ["text"] = replied.Text,
            };
        }

        if (stored.Kind == "text")
        {
            message["text"] = stored.Text;
            if (stored.Entities.Count > 0)
            {
                message["entities"] = EntitiesJson(stored.Entities);
            }
        }
        else
        {
            message[stored.Kind] = stored.Media?.DeepClone();
            if (stored.Text.Length > 0)
            {
                message["caption"] = stored.Text;
                if (stored.Entities.Count > 0)
                {
                    message["caption_entities"] = EntitiesJson(stored.Entities);
                }
            }
        }

        if (stored.Markup.InlineJson is { } inline)
        {
            message["reply_markup"] = JsonNode.Parse(inline);
        }

        return message;
    }

    private static JsonArray EntitiesJson(IReadOnlyList<TextEntity> entities)
    {
        var array = new JsonArray();
        foreach (var entity in entities)
        {
            var json = new JsonObject { ["type"] = entity.Type, ["offset"] = entity.Offset, ["length"] = entity.Length };
            if (entity.Url is not null)
            {
                json["url"] = entity.Url;
            }

            if (entity.Language is not null)
            {
                json["language"] = entity.Language;
            }

            if (entity.CustomEmojiId is not null)
            {
                json["custom_emoji_id"] = entity.CustomEmojiId;
            }

            array.Add(json);
        }

        return array;
    }

    private JsonNode SendChatAction(ApiParameters p)
    {
        var chatId = RequireChatId(p);
        if (string.IsNullOrEmpty(p.GetString("action")))
        {
            throw BotApiException.BadRequest("action is empty");
        }

        lock (_gate)
        {
            RequireChatLocked(chatId);
        }

        return true;
    }

    // ---- editing ----------------------------------------------------------------------------

    private (long ChatId, long MessageId) RequireEditTarget(ApiParameters p)
    {
        if (p.Has("inline_message_id") && !p.Has("chat_id"))
        {
            throw BotApiException.BadRequest("inline messages are not supported by the fake server");
        }

        var chatId = RequireChatId(p);
        var messageId = p.GetLong("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        return (chatId, messageId);
    }

    private StoredMessage RequireEditableLocked(ChatState chat, long messageId)
    {
        if (!chat.Messages.TryGetValue(messageId, out var stored))
        {
            throw BotApiException.BadRequest("message to edit not found");
        }

        if (!stored.FromBot)
        {
            throw BotApiException.BadRequest("message can't be edited");
        }

        return stored;
    }

    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private JsonNode EditMessageText(ApiParameters p)
    {
        var (chatId, messageId) = RequireEditTarget(p);
        var parsed = ParseMessageText(p);
        var markup = MarkupInfo.Parse(p.GetJson("reply_markup"));
        if (markup.Reply.Count > 0 || markup.Remove)
        {
            throw BotApiException.BadRequest("inline keyboard expected");
        }

        lock (_gate)
        {
            var chat = RequireChatLocked(chatId);
            var stored = RequireEditableLocked(chat, messageId);
            if (stored.Kind != "text")
            {
                throw BotApiException.BadRequest("there is no text in the message to edit");
            }

            if (stored.Text == parsed.Text && stored.Entities.SequenceEqual(parsed.Entities)
                && stored.Markup.InlineJson == markup.InlineJson)
            {
                throw BotApiException.BadRequest(NotModified);
            }

            var now = _time.GetUtcNow();
            stored.Text = parsed.Text;
            stored.Entities = parsed.Entities;
            stored.Markup = markup;
            stored.EditDate = now.ToUnixTimeSeconds();
            RecordEditLocked("editMessageText", chat, stored, CanonicalParseMode(p.GetString("parse_mode")), p.GetString("text") ?? "", now);
            return BuildMessageJsonLocked(chat, stored);
        }
    }

    private JsonNode EditMessageReplyMarkup(ApiParameters p)
    {
        var (chatId, messageId) = RequireEditTarget(p);
        var markup = MarkupInfo.Parse(p.GetJson("reply_markup"));
        if (markup.Reply.Count > 0 || markup.Remove)
        {
            throw BotApiException.BadRequest("inline keyboard expected");
        }

        lock (_gate)
        {
            var chat = RequireChatLocked(chatId);
            var stored = RequireEditableLocked(chat, messageId);
            if (stored.Markup.InlineJson == markup.InlineJson)
            {
                throw BotApiException.BadRequest(NotModified);
            }

            var now = _time.GetUtcNow();
            stored.Markup = markup;
            stored.EditDate = now.ToUnixTimeSeconds();
            RecordEditLocked("editMessageReplyMarkup", chat, stored, null, stored.Text, now);
            return BuildMessageJsonLocked(chat, stored);
        }
    }

    private void RecordEditLocked(string method, ChatState chat, StoredMessage stored, string? parseMode, string rawText, DateTimeOffset now)
    {
        _messages.Add(new SentMessage(chat.Id, stored.MessageId, stored.Text, parseMode, stored.Markup.Inline, [], method, now, null, null)
        {
            RawText = rawText,
            ReplyMarkupJson = stored.Markup.RawJson,
        });
        SignalChangedLocked();
    }

    private JsonNode DeleteMessage(ApiParameters p)
    {
        var chatId = RequireChatId(p);
        var messageId = p.GetLong("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        lock (_gate)
        {
            var chat = RequireChatLocked(chatId);
            if (!chat.Messages.Remove(messageId))
            {
                throw BotApiException.BadRequest("message to delete not found");
            }
        }

        return true;
    }

    // ---- callback queries -------------------------------------------------------------------

    private JsonNode AnswerCallbackQuery(ApiParameters p)
    {
        var id = p.GetString("callback_query_id") ?? "";
        var text = p.GetString("text");
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_callbacks.TryGetValue(id, out var query) || query.Answered
                || (_options.CallbackQueryAnswerWindow is { } window && now - query.IssuedAt > window))
            {
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            if (text is { Length: > 200 })
            {
                throw BotApiException.BadRequest("MESSAGE_TOO_LONG");
            }

            query.Answered = true;
            _callbackAnswers.Add(new CallbackAnswer(id, query.UserId, query.Data, text, p.GetBool("show_alert"), now));
            SignalChangedLocked();
        }

        return true;
    }

    // ---- files ------------------------------------------------------------------------------

    private async Task<JsonNode> SendMediaAsync(ApiParameters p, string field, CancellationToken cancellationToken)
    {
        var chatId = RequireChatId(p);
        var upload = p.GetFile(field);
        var reference = p.GetString(field);
        if (upload is null && reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            upload = p.GetFile(reference["attach://".Length..]);
        }

        byte[]? content = null;
        string? fileName = null;
        string? mimeType = null;
        StoredFile? existing = null;
        if (upload is not null)
        {
            if (field == "document" && upload.Length > MaxDocumentUploadBytes)
            {
                throw new BotApiException(413, "Request Entity Too Large");
            }

            using var buffer = new MemoryStream();
            await using (var stream = upload.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            content = buffer.ToArray();
            fileName = upload.FileName;
            mimeType = string.IsNullOrEmpty(upload.ContentType) || upload.ContentType == "application/octet-stream"
                ? GuessMimeType(fileName)
                : upload.ContentType;
        }
        else if (string.IsNullOrEmpty(reference))
        {
            throw BotApiException.BadRequest($"there is no {field} in the request");
        }
        else
        {
            lock (_gate)
            {
                existing = _files.GetValueOrDefault(reference);
            }

            if (existing is null && !reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && !reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
            }

            content = existing?.Content;
            fileName = existing?.FileName ?? (existing is null ? Path.GetFileName(new Uri(reference).AbsolutePath) : null);
            mimeType = existing?.MimeType ?? GuessMimeType(fileName);
        }

        var caption = ParseText(p.GetString("caption"), p.GetString("parse_mode"));
        if (caption.Text.Length > 1024)
        {
            throw BotApiException.BadRequest("message caption is too long");
        }

        var markup = MarkupInfo.Parse(p.GetJson("reply_markup"));
        JsonNode media;
        lock (_gate)
        {
            if (field == "photo")
            {
                var size = content?.Length ?? existing?.Size ?? 0;
                var small = RegisterFileLocked("photos", ".jpg", content, size, null, "image/jpeg");
                var large = RegisterFileLocked("photos", ".jpg", content, size, null, "image/jpeg");
                media = new JsonArray(PhotoSizeJson(small, 90, 67), PhotoSizeJson(large, 1280, 960));
            }
            else
            {
                var file = existing ?? RegisterFileLocked("documents", Path.GetExtension(fileName) ?? "", content, content?.Length ?? 0, fileName, mimeType);
                media = DocumentJson(file);
            }
        }

        return StoreSentMessage(field == "photo" ? "sendPhoto" : "sendDocument", chatId, p, caption, markup, field, media, fileName, content);
    }

    private static string GuessMimeType(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".csv" => "text/csv",
        ".txt" => "text/plain",
        ".json" => "application/json",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".zip" => "application/zip",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".db" or ".sqlite" => "application/vnd.sqlite3",
        _ => "application/octet-stream",
    };

    private JsonNode GetFile(ApiParameters p)
    {
        var fileId = p.GetString("file_id") ?? "";
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var file))
            {
                throw BotApiException.BadRequest("invalid file_id");
            }

            if (file.Size > MaxDownloadBytes)
            {
                throw BotApiException.BadRequest("file is too big");
            }

            return new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = file.Size,
                ["file_path"] = file.FilePath,
            };
        }
    }
}
