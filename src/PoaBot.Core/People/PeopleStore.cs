using System.Security.Cryptography;
using System.Text;
using PoaBot.Core.Storage;

namespace PoaBot.Core.People;

public sealed class PersonRow
{
    public long Id { get; init; }

    public long TelegramId { get; init; }

    public string Name { get; init; } = "";

    public string Role { get; init; } = "";

    public bool Active { get; init; }

    public DateTimeOffset? UnreachableSince { get; init; }

    public bool IsDirector => Role == Roles.Director;
}

public sealed class CouncilRow
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string Locality { get; init; } = "";
}

public static class Roles
{
    public const string Director = "director";
    public const string Coordinator = "coordinador";

    public static bool IsValid(string role) => role is Director or Coordinator;
}

public enum RedeemResult
{
    Registered,
    Invalid,
    Expired,
    Used,
}

/// <summary>People, their councils, and single-use invites stored hashed.</summary>
public sealed class PeopleStore(DbSession db)
{
    public PersonRow? ByTelegramId(long telegramId) =>
        db.Single<PersonRow>("SELECT * FROM person WHERE telegram_id = @telegramId", new { telegramId });

    public PersonRow? Get(long id) => db.Single<PersonRow>("SELECT * FROM person WHERE id = @id", new { id });

    public IReadOnlyList<PersonRow> All() => db.Query<PersonRow>("SELECT * FROM person ORDER BY active DESC, name").ToList();

    public IReadOnlyList<CouncilRow> CouncilsOf(long personId) =>
        db.Query<CouncilRow>(
            "SELECT c.id, c.name, c.locality FROM council c JOIN person_council pc ON pc.council_id = c.id WHERE pc.person_id = @personId ORDER BY c.name",
            new { personId }).ToList();

    public IReadOnlyList<CouncilRow> Councils() =>
        db.Query<CouncilRow>("SELECT id, name, locality FROM council WHERE is_document = 0 ORDER BY name").ToList();

    /// <summary>The active people who coordinate a council, by name.</summary>
    public IReadOnlyList<string> Coordinators(long councilId) =>
        db.Query<string>(
            "SELECT p.name FROM person p JOIN person_council pc ON pc.person_id = p.id WHERE pc.council_id = @councilId AND p.active = 1 ORDER BY p.name",
            new { councilId }).ToList();

    public CouncilRow? Council(string name) =>
        db.Single<CouncilRow>("SELECT id, name, locality FROM council WHERE name = @name AND is_document = 0", new { name = name.Trim() });

    /// <summary>Adds a council; false when one with that name exists (names compare without case).</summary>
    public bool AddCouncil(string name, string locality)
    {
        if (db.Single<long?>("SELECT id FROM council WHERE name = @name", new { name = name.Trim() }) is not null)
        {
            return false;
        }

        db.Execute("INSERT INTO council (name, locality) VALUES (@name, @locality)", new { name = name.Trim(), locality = locality.Trim() });
        return true;
    }

    /// <summary>Creates a single-use invite and returns its payload; only the payload's hash is stored.</summary>
    public string CreateInvite(string role, IReadOnlyCollection<long> councilIds, DateTimeOffset now, TimeSpan validFor)
    {
        var payload = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var id = db.Scalar<long>(
            "INSERT INTO invite (token_hash, role, created_at, expires_at) VALUES (@hash, @role, @created, @expires) RETURNING id",
            new { hash = Hash(payload), role, created = now, expires = now + validFor });
        foreach (var councilId in councilIds)
        {
            db.Execute("INSERT INTO invite_council (invite_id, council_id) VALUES (@id, @councilId)", new { id, councilId });
        }

        return payload;
    }

    /// <summary>Registers the person with the invite's role and councils (replacing any earlier ones), once.</summary>
    public RedeemResult Redeem(string payload, long telegramId, string name, DateTimeOffset now)
    {
        var invite = db.Single<InviteRow>("SELECT id, role, expires_at, used_at FROM invite WHERE token_hash = @hash", new { hash = Hash(payload) });
        if (invite is null)
        {
            return RedeemResult.Invalid;
        }

        if (invite.UsedAt is not null)
        {
            return RedeemResult.Used;
        }

        if (invite.ExpiresAt <= now)
        {
            return RedeemResult.Expired;
        }

        var existing = ByTelegramId(telegramId);
        long personId;
        if (existing is null)
        {
            personId = db.Scalar<long>(
                "INSERT INTO person (telegram_id, name, role, created_at) VALUES (@telegramId, @name, @Role, @now) RETURNING id",
                new { telegramId, name, invite.Role, now });
        }
        else
        {
            personId = existing.Id;
            db.Execute(
                "UPDATE person SET role = @Role, active = 1, unreachable_since = NULL, name = @name WHERE id = @personId",
                new { invite.Role, name, personId });
        }

        // A re-invite replaces the councils and drops any conversation left from before: the invite says what the person does now.
        db.Execute("DELETE FROM person_council WHERE person_id = @personId", new { personId });
        db.Execute("DELETE FROM conversation WHERE chat_id = @telegramId", new { telegramId });
        db.Execute(
            "INSERT INTO person_council (person_id, council_id) SELECT @personId, council_id FROM invite_council WHERE invite_id = @Id ON CONFLICT DO NOTHING",
            new { personId, invite.Id });
        db.Execute("UPDATE invite SET used_at = @now, used_by = @personId WHERE id = @Id", new { now, personId, invite.Id });
        return RedeemResult.Registered;
    }

    /// <summary>Deactivates a person and discards their conversation; their councils move to <paramref name="successorId"/> when given.</summary>
    public void Deactivate(long personId, long? successorId, string actor, DateTimeOffset now)
    {
        var councils = CouncilsOf(personId);
        db.Execute("UPDATE person SET active = 0 WHERE id = @personId", new { personId });

        // Their drafts and unfinished tasks go with them (a private chat's id is the person's Telegram id).
        db.Execute("DELETE FROM conversation WHERE chat_id = (SELECT telegram_id FROM person WHERE id = @personId)", new { personId });
        var audit = new AuditStore(db);
        var name = Get(personId)?.Name ?? "";
        audit.Add(now, actor, "deactivate", StorageText.Deactivation, field: StorageText.PersonField, oldValue: name, newValue: StorageText.Inactive);
        if (successorId is { } to)
        {
            foreach (var c in councils)
            {
                db.Execute("INSERT INTO person_council (person_id, council_id) VALUES (@to, @Id) ON CONFLICT DO NOTHING", new { to, c.Id });
            }

            db.Execute("DELETE FROM person_council WHERE person_id = @personId", new { personId });
            audit.Add(now, actor, "reassign", StorageText.Reassignment, field: StorageText.CouncilsField, oldValue: name, newValue: Get(to)?.Name);
        }
    }

    public void MarkUnreachable(long telegramId, DateTimeOffset now) =>
        db.Execute(
            "UPDATE person SET unreachable_since = coalesce(unreachable_since, @now) WHERE telegram_id = @telegramId",
            new { telegramId, now });

    public void MarkReachable(long telegramId) =>
        db.Execute("UPDATE person SET unreachable_since = NULL WHERE telegram_id = @telegramId AND unreachable_since IS NOT NULL", new { telegramId });

    private static string Hash(string payload) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    private sealed class InviteRow
    {
        public long Id { get; init; }

        public string Role { get; init; } = "";

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? UsedAt { get; init; }
    }
}
