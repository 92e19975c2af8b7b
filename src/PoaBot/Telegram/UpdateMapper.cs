using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using PoaBot.Core.Conversations;

namespace PoaBot.Telegram;

/// <summary>What an update means for us: an input for the engine, a change of reachability, or nothing.</summary>
public sealed record MappedUpdate(long ChatId, Input? Input = null, string? CallbackQueryId = null, bool? Reachable = null, string? Unreadable = null);

/// <summary>Turns Telegram's update into the engine's input. Edited messages map to nothing, so they never count twice.</summary>
public static class UpdateMapper
{
    public static MappedUpdate Map(Update update, DateTimeOffset receivedAt)
    {
        if (update.MyChatMember is { } member)
        {
            var status = member.NewChatMember.Status;
            return new MappedUpdate(member.Chat.Id, Reachable: status is not (ChatMemberStatus.Kicked or ChatMemberStatus.Left));
        }

        if (update.CallbackQuery is { } query)
        {
            var chat = query.Message?.Chat;
            var input = new Input(chat?.Id ?? query.From.Id, query.From.Id, Name(query.From), InputKind.Button, receivedAt)
            {
                Data = query.Data,
                IsPrivate = chat is null || chat.Type == ChatType.Private,
                MessageId = query.Message?.MessageId,
            };
            return new MappedUpdate(input.ChatId, input, query.Id);
        }

        if (update.Message is not { From: { } from } message)
        {
            return new MappedUpdate(update.EditedMessage?.Chat.Id ?? 0);
        }

        var isPrivate = message.Chat.Type == ChatType.Private;
        if (!isPrivate && message.Text?.StartsWith('/') != true)
        {
            // In a group, answer only commands, so the bot does not chatter.
            return new MappedUpdate(message.Chat.Id);
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        var baseInput = new Input(message.Chat.Id, from.Id, Name(from), InputKind.Other, at) { IsPrivate = isPrivate, MediaGroupId = message.MediaGroupId };
        var mapped = message switch
        {
            { Text: { } text } => baseInput with { Kind = InputKind.Text, Text = text },
            { Photo: [.., var largest] } => baseInput with
            {
                Kind = InputKind.Photo,
                FileId = largest.FileId,
                FileUniqueId = largest.FileUniqueId,
                FileSize = largest.FileSize,
                Text = message.Caption,
            },
            { Document: { } document } => baseInput with
            {
                Kind = InputKind.Document,
                FileId = document.FileId,
                FileUniqueId = document.FileUniqueId,
                FileSize = document.FileSize,
                FileName = document.FileName,
                Text = message.Caption,
            },
            _ => baseInput,
        };
        return new MappedUpdate(message.Chat.Id, mapped);
    }

    private static string Name(User user) =>
        string.IsNullOrWhiteSpace(user.LastName) ? user.FirstName : $"{user.FirstName} {user.LastName}";
}
