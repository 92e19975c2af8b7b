using System.Globalization;
using System.Text.Json.Nodes;

namespace PoaBot.FakeTelegram;

// What a user does: every action queues an update for getUpdates and returns its update_id.
public sealed partial class FakeBotApi
{
    /// <summary>Answers the bot's callback queries received so far.</summary>
    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _callbackAnswers];
            }
        }
    }

    /// <summary>Number of updates not yet confirmed by an offset.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>True while a getUpdates request is being held (long polling).</summary>
    public bool IsPolling
    {
        get
        {
            lock (_gate)
            {
                return _activePoll is not null;
            }
        }
    }

    /// <summary>Makes a private chat known without sending an update (as if the user had started the bot earlier).</summary>
    public void RegisterUser(long userId, string firstName = "Ana")
    {
        lock (_gate)
        {
            EnsurePrivateChatLocked(userId, firstName);
        }
    }

    /// <summary>The user writes in their private chat. Text starting with "/" carries a bot_command entity.</summary>
    public long SendText(long userId, string text, string firstName = "Ana")
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, firstName);
            var message = NewUserMessageLocked(chat, userId, text);
            message["text"] = text;
            AddCommandEntity(message, text, "entities");
            return EnqueueLocked("message", message);
        }
    }

    /// <summary>The user writes in a group (chatId should be negative); the group becomes known to the bot.</summary>
    public long SendGroupText(long chatId, long userId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                chat = new ChatState { Id = chatId, Type = "group", Title = "Grupo " + chatId.ToString(CultureInfo.InvariantCulture) };
                _chats[chatId] = chat;
            }

            _users.TryAdd(userId, "Ana");
            var message = NewUserMessageLocked(chat, userId, text);
            message["text"] = text;
            AddCommandEntity(message, text, "entities");
            return EnqueueLocked("message", message);
        }
    }

    /// <summary>The user presses an inline button of message <paramref name="messageId"/> in their private chat.</summary>
    public long PressButton(long userId, long messageId, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            var now = _time.GetUtcNow();
            var id = (5_100_000_000_000_000_000L + _nextCallbackNumber++).ToString(CultureInfo.InvariantCulture);
            _callbacks[id] = new CallbackState { IssuedAt = now, UserId = userId, Data = data };

            JsonObject message;
            if (chat.Messages.TryGetValue(messageId, out var stored))
            {
                message = BuildMessageJsonLocked(chat, stored);
            }
            else
            {
                message = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["from"] = BotUserJson(),
                    ["chat"] = ChatJson(chat),
                    ["date"] = now.ToUnixTimeSeconds(),
                    ["text"] = "",
                };
            }

            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(userId),
                ["message"] = message,
                ["chat_instance"] = (-7_000_000_000_000_000_000L + chat.Id).ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            return EnqueueLocked("callback_query", query, messageId);
        }
    }

    /// <summary>The user sends a photo; it gets two PhotoSize entries (largest last) registered for getFile.</summary>
    public long SendPhoto(long userId, byte[] content, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            return EnqueuePhotoLocked(userId, content, caption, mediaGroupId: null);
        }
    }

    /// <summary>
    /// The user sends several photos at once (an album): as Telegram does, one message per photo, each with the same
    /// media_group_id, queued together. Returns the update ids.
    /// </summary>
    public IReadOnlyList<long> SendAlbum(long userId, params byte[][] photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        lock (_gate)
        {
            var group = (13_000_000_000_000_000L + _nextUpdateId).ToString(CultureInfo.InvariantCulture);
            return photos.Select(content => EnqueuePhotoLocked(userId, content, null, group)).ToList();
        }
    }

    /// <summary>
    /// More photos of the album <paramref name="mediaGroupId"/>: Telegram may hand one album over in several getUpdates
    /// responses (or webhook calls), so a test can send its photos in parts.
    /// </summary>
    public IReadOnlyList<long> SendAlbum(long userId, string mediaGroupId, params byte[][] photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        lock (_gate)
        {
            return photos.Select(content => EnqueuePhotoLocked(userId, content, null, mediaGroupId)).ToList();
        }
    }

    private long EnqueuePhotoLocked(long userId, byte[] content, string? caption, string? mediaGroupId)
    {
        var chat = EnsurePrivateChatLocked(userId, null);
        var message = NewUserMessageLocked(chat, userId, caption ?? "");
        var small = RegisterFileLocked("photos", ".jpg", content, content.Length, null, "image/jpeg");
        var large = RegisterFileLocked("photos", ".jpg", content, content.Length, null, "image/jpeg");
        message["photo"] = new JsonArray(PhotoSizeJson(small, 90, 67), PhotoSizeJson(large, 1280, 960));
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        if (mediaGroupId is not null)
        {
            message["media_group_id"] = mediaGroupId;
        }

        return EnqueueLocked("message", message);
    }

    /// <summary>
    /// The user sends a file. <paramref name="reportedSize"/> overrides file_size in the update and in getFile (claim 30 MB
    /// without allocating it, or lie: claim 1,000 bytes and serve 25 MB);
    /// getFile refuses files over 20 MB like the real API.
    /// </summary>
    public long SendDocument(long userId, string fileName, byte[] content, string mimeType = "application/octet-stream", long? reportedSize = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            var message = NewUserMessageLocked(chat, userId, "");
            var file = RegisterFileLocked("documents", Path.GetExtension(fileName), content, reportedSize ?? content.Length, fileName, mimeType);
            message["document"] = DocumentJson(file);
            return EnqueueLocked("message", message);
        }
    }

    public long SendSticker(long userId)
    {
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            var message = NewUserMessageLocked(chat, userId, "");
            byte[] content = [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50];
            var file = RegisterFileLocked("stickers", ".webp", content, content.Length, null, "image/webp");
            message["sticker"] = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["type"] = "regular",
                ["width"] = 512,
                ["height"] = 512,
                ["is_animated"] = false,
                ["is_video"] = false,
                ["emoji"] = "👍",
                ["set_name"] = "FakeStickers",
                ["file_size"] = file.Size,
            };
            return EnqueueLocked("message", message);
        }
    }

    public long SendVoice(long userId)
    {
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            var message = NewUserMessageLocked(chat, userId, "");
            byte[] content = [0x4F, 0x67, 0x67, 0x53, 0, 2, 0, 0];
            var file = RegisterFileLocked("voice", ".oga", content, content.Length, null, "audio/ogg");
            message["voice"] = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["duration"] = 3,
                ["mime_type"] = "audio/ogg",
                ["file_size"] = file.Size,
            };
            return EnqueueLocked("message", message);
        }
    }

    /// <summary>The user edits one of their messages (edited_message update).</summary>
    public long EditText(long userId, long messageId, string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            long date = now;
            if (chat.Messages.TryGetValue(messageId, out var stored) && !stored.FromBot)
            {
                stored.Text = newText;
                stored.EditDate = now;
                date = stored.Date;
            }

            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = UserJson(userId),
                ["chat"] = ChatJson(chat),
                ["date"] = date,
                ["edit_date"] = now,
                ["text"] = newText,
            };
            AddCommandEntity(message, newText, "entities");
            return EnqueueLocked("edited_message", message, messageId);
        }
    }

    /// <summary>The user blocks the bot: a my_chat_member update (member → kicked); sends to the chat then answer 403.</summary>
    public long BlockBot(long userId)
    {
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            chat.Blocked = true;
            return EnqueueLocked("my_chat_member", ChatMemberUpdateJson(chat, userId, "member", "kicked"));
        }
    }

    /// <summary>The user unblocks the bot: a my_chat_member update (kicked → member); sends work again.</summary>
    public long UnblockBot(long userId)
    {
        lock (_gate)
        {
            var chat = EnsurePrivateChatLocked(userId, null);
            chat.Blocked = false;
            return EnqueueLocked("my_chat_member", ChatMemberUpdateJson(chat, userId, "kicked", "member"));
        }
    }

    /// <summary>
    /// Queues an update of <paramref name="type"/> ("message", "callback_query", ...) whose body is the given raw JSON, as
    /// Telegram would send it; the fake assigns the update_id. For values Telegram adds after a client library's release
    /// (a new chat type, entity type, sticker type or member status) that the client cannot deserialize.
    /// </summary>
    public long SendRawUpdate(string type, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        var payload = JsonNode.Parse(payloadJson) as JsonObject ?? throw new ArgumentException("The payload must be a JSON object.", nameof(payloadJson));
        lock (_gate)
        {
            return EnqueueLocked(type, payload);
        }
    }

    /// <summary>
    /// While true, file downloads (GET /file/bot…) hang before answering, as a slow or stuck server would, until set to
    /// false (they then complete) or the client gives up. Each one is recorded as a "file" call when it arrives.
    /// </summary>
    public bool StallDownloads
    {
        get
        {
            lock (_gate)
            {
                return _downloadStall is not null;
            }
        }

        set
        {
            lock (_gate)
            {
                if (value)
                {
                    _downloadStall ??= NewSignal();
                }
                else
                {
                    _downloadStall?.TrySetResult();
                    _downloadStall = null;
                }
            }
        }
    }

    /// <summary>Queues an already created update once more, even if the bot confirmed it (duplicate delivery).</summary>
    public void DeliverAgain(long updateId)
    {
        lock (_gate)
        {
            if (!_allUpdates.TryGetValue(updateId, out var update))
            {
                throw new ArgumentException($"Update {updateId} was never created.", nameof(updateId));
            }

            _redeliver.Add(update);
            SignalUpdatesLocked();
        }
    }

    /// <summary>The message_id carried by an update (message, edited_message, or the message under a pressed button).</summary>
    public long MessageIdOf(long updateId)
    {
        lock (_gate)
        {
            return _allUpdates.TryGetValue(updateId, out var update) && update.MessageId is { } id
                ? id
                : throw new ArgumentException($"Update {updateId} has no message.", nameof(updateId));
        }
    }

    /// <summary>The raw JSON of an update as delivered by getUpdates.</summary>
    public string UpdateJson(long updateId)
    {
        lock (_gate)
        {
            return _allUpdates.TryGetValue(updateId, out var update)
                ? update.Json
                : throw new ArgumentException($"Update {updateId} was never created.", nameof(updateId));
        }
    }

    private ChatState EnsurePrivateChatLocked(long userId, string? firstName)
    {
        if (firstName is not null)
        {
            _users[userId] = firstName;
        }
        else
        {
            _users.TryAdd(userId, "Ana");
        }

        if (!_chats.TryGetValue(userId, out var chat))
        {
            chat = new ChatState { Id = userId, Type = "private" };
            _chats[userId] = chat;
        }

        chat.FirstName = _users[userId];
        return chat;
    }

    private JsonObject NewUserMessageLocked(ChatState chat, long userId, string text)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var messageId = chat.NextMessageId++;
        chat.Messages[messageId] = new StoredMessage { MessageId = messageId, FromBot = false, Date = now, Text = text };
        return new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = UserJson(userId),
            ["chat"] = ChatJson(chat),
            ["date"] = now,
        };
    }

    private static void AddCommandEntity(JsonObject message, string text, string property)
    {
        if (!text.StartsWith('/') || text.Length < 2)
        {
            return;
        }

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        message[property] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end });
    }

    private JsonObject ChatMemberUpdateJson(ChatState chat, long userId, string oldStatus, string newStatus)
    {
        var newMember = new JsonObject { ["status"] = newStatus, ["user"] = BotUserJson() };
        if (newStatus == "kicked")
        {
            newMember["until_date"] = 0;
        }

        var oldMember = new JsonObject { ["status"] = oldStatus, ["user"] = BotUserJson() };
        if (oldStatus == "kicked")
        {
            oldMember["until_date"] = 0;
        }

        return new JsonObject
        {
            ["chat"] = ChatJson(chat),
            ["from"] = UserJson(userId),
            ["date"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["old_chat_member"] = oldMember,
            ["new_chat_member"] = newMember,
        };
    }

    private long EnqueueLocked(string type, JsonObject payload, long? messageId = null)
    {
        var id = _nextUpdateId++;
        messageId ??= payload["message_id"]?.GetValue<long>();
        var queue = type == "callback_query" ? $"user {payload["from"]?["id"]}" : $"chat {payload["chat"]?["id"]}";
        var update = new StoredUpdate(id, type, new JsonObject { ["update_id"] = id, [type] = payload }.ToJsonString(), messageId, queue);
        _allUpdates[id] = update;
        _queue.Add(update);
        SignalUpdatesLocked();
        return id;
    }

    private void SignalUpdatesLocked()
    {
        var previous = _updatesSignal;
        _updatesSignal = NewSignal();
        previous.TrySetResult();
    }

    private StoredFile RegisterFileLocked(string folder, string extension, byte[]? content, long size, string? fileName, string? mimeType)
    {
        var number = _nextFileNumber++;
        var prefix = folder switch
        {
            "photos" => "AgACAgEAAxkBAAI",
            "documents" => "BQACAgEAAxkBAAI",
            "stickers" => "CAACAgEAAxkBAAI",
            _ => "AwACAgEAAxkBAAI",
        };
        var file = new StoredFile
        {
            FileId = prefix + number.ToString("D8", CultureInfo.InvariantCulture) + "Fake",
            FileUniqueId = "AQAD" + number.ToString("D6", CultureInfo.InvariantCulture),
            Size = size,
            FilePath = $"{folder}/file_{number.ToString(CultureInfo.InvariantCulture)}{(string.IsNullOrEmpty(extension) ? "" : extension.ToLowerInvariant())}",
            Content = content,
            FileName = fileName,
            MimeType = mimeType,
        };
        _files[file.FileId] = file;
        return file;
    }

    private static JsonObject PhotoSizeJson(StoredFile file, int width, int height) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Size,
        ["width"] = width,
        ["height"] = height,
    };

    private static JsonObject DocumentJson(StoredFile file)
    {
        var document = new JsonObject
        {
            ["file_name"] = file.FileName,
            ["mime_type"] = file.MimeType,
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Size,
        };
        if (file.FileName is null)
        {
            document.Remove("file_name");
        }

        if (file.MimeType is null)
        {
            document.Remove("mime_type");
        }

        return document;
    }

    private JsonObject UserJson(long userId) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = _users.GetValueOrDefault(userId, "Ana"),
        ["language_code"] = "es",
    };

    private JsonObject BotUserJson() => new()
    {
        ["id"] = _options.BotId,
        ["is_bot"] = true,
        ["first_name"] = _options.BotFirstName,
        ["username"] = _options.BotUsername,
    };

    private static JsonObject ChatJson(ChatState chat) => chat.Type == "private"
        ? new JsonObject { ["id"] = chat.Id, ["first_name"] = chat.FirstName, ["type"] = "private" }
        : new JsonObject { ["id"] = chat.Id, ["title"] = chat.Title, ["type"] = chat.Type };
}
