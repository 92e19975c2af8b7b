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

    /// <summary>The municipal planning office: reads every directorate, writes nothing.</summary>
    public bool IsPlanning => Role == Roles.Planning;
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
    public const string Planning = "planeacion";

    public static bool IsValid(string role) => role is Director or Coordinator or Planning;
}

public enum RedeemResult
{
    Registered,
    Invalid,
    Expired,
    Used,
}

/// <summary>People, their councils, and single-use invites stored hashed; all in the session's directorate.</summary>
public sealed class PeopleStore(DbSession db)
{
    /// <summary>
    /// A person as the session's directorate sees them: their role there and whether they are active there; the planning
    /// office («planeacion») where they have no active role of their own.
    /// </summary>
    private const string Select =
        """
        SELECT p.id, p.telegram_id, p.name, p.unreachable_since,
               CASE WHEN pd.active = 1 THEN pd.role WHEN p.planning = 1 THEN 'planeacion' ELSE coalesce(pd.role, '') END AS role,
               CASE WHEN pd.active = 1 OR p.planning = 1 THEN 1 ELSE 0 END AS active
        FROM person p LEFT JOIN person_directorate pd ON pd.person_id = p.id AND pd.directorate_id = @directorate
        """;

    public PersonRow? ByTelegramId(long telegramId) =>
        db.Single<PersonRow>($"{Select} WHERE p.telegram_id = @telegramId", new { telegramId, directorate = db.Directorate });

    public PersonRow? Get(long id) => db.Single<PersonRow>($"{Select} WHERE p.id = @id", new { id, directorate = db.Directorate });

    /// <summary>The Telegram ids of the municipal planning office's people (of no directorate).</summary>
    public IReadOnlyList<long> PlanningOffice() => db.Query<long>("SELECT telegram_id FROM person WHERE planning = 1 ORDER BY telegram_id").ToList();

    /// <summary>The directorate's people, the active first.</summary>
    public IReadOnlyList<PersonRow> All() =>
        db.Query<PersonRow>($"{Select} WHERE pd.person_id IS NOT NULL ORDER BY pd.active DESC, p.name", new { directorate = db.Directorate }).ToList();

    public IReadOnlyList<CouncilRow> CouncilsOf(long personId) =>
        db.Query<CouncilRow>(
            """
            SELECT c.id, c.name, c.locality FROM council c JOIN person_council pc ON pc.council_id = c.id
            WHERE pc.person_id = @personId AND c.directorate_id = @directorate ORDER BY c.name
            """,
            new { personId, directorate = db.Directorate }).ToList();

    public IReadOnlyList<CouncilRow> Councils() =>
        db.Query<CouncilRow>("SELECT id, name, locality FROM council WHERE is_document = 0 AND directorate_id = @directorate ORDER BY name", new { directorate = db.Directorate }).ToList();

    /// <summary>The active people who coordinate a council, by name.</summary>
    public IReadOnlyList<string> Coordinators(long councilId) =>
        db.Query<string>(
            """
            SELECT p.name FROM person p JOIN person_council pc ON pc.person_id = p.id JOIN council c ON c.id = pc.council_id
            JOIN person_directorate pd ON pd.person_id = p.id AND pd.directorate_id = c.directorate_id
            WHERE pc.council_id = @councilId AND pd.active = 1 ORDER BY p.name
            """,
            new { councilId }).ToList();

    public CouncilRow? Council(string name) =>
        db.Single<CouncilRow>(
            "SELECT id, name, locality FROM council WHERE name = @name AND is_document = 0 AND directorate_id = @directorate",
            new { name = name.Trim(), directorate = db.Directorate });

    /// <summary>Adds a council; false when one with that name exists in the directorate (names compare without case).</summary>
    public bool AddCouncil(string name, string locality) =>
        db.Execute(
            "INSERT INTO council (directorate_id, name, locality) VALUES (@directorate, @name, @locality) ON CONFLICT DO NOTHING",
            new { directorate = db.Directorate, name = name.Trim(), locality = locality.Trim() }) == 1;

    /// <summary>Creates a single-use invite to the directorate (the planning office's, to none) and returns its payload; only its hash is stored.</summary>
    public string CreateInvite(string role, IReadOnlyCollection<long> councilIds, DateTimeOffset now, TimeSpan validFor)
    {
        var payload = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var id = db.Scalar<long>(
            """
            INSERT INTO invite (token_hash, directorate_id, role, created_at, expires_at)
            VALUES (@hash, @directorate, @role, @created, @expires) RETURNING id
            """,
            new { hash = Hash(payload), directorate = role == Roles.Planning ? (long?)null : db.Directorate, role, created = now, expires = now + validFor });
        foreach (var councilId in councilIds)
        {
            db.Execute("INSERT INTO invite_council (invite_id, council_id) VALUES (@id, @councilId)", new { id, councilId });
        }

        return payload;
    }

    /// <summary>The directorate an invite is to (null: the planning office's, or no such invite).</summary>
    public long? InviteDirectorate(string payload) =>
        db.Single<long?>("SELECT directorate_id FROM invite WHERE token_hash = @hash", new { hash = Hash(payload) });

    /// <summary>
    /// Registers the person with the invite's role and councils in its directorate (replacing any earlier ones there; their
    /// roles in other directorates stay), once.
    /// </summary>
    public RedeemResult Redeem(string payload, long telegramId, string name, DateTimeOffset now)
    {
        var invite = db.Single<InviteRow>(
            "SELECT id, directorate_id, role, expires_at, used_at FROM invite WHERE token_hash = @hash", new { hash = Hash(payload) });
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

        var personId = db.Scalar<long>(
            """
            INSERT INTO person (telegram_id, name, created_at) VALUES (@telegramId, @name, @now)
            ON CONFLICT (telegram_id) DO UPDATE SET name = excluded.name, unreachable_since = NULL
            RETURNING id
            """,
            new { telegramId, name, now });
        if (invite.DirectorateId is not { } directorate)
        {
            db.Execute("UPDATE person SET planning = 1 WHERE id = @personId", new { personId });
        }
        else
        {
            db.Execute(
                """
                INSERT INTO person_directorate (person_id, directorate_id, role) VALUES (@personId, @directorate, @Role)
                ON CONFLICT (person_id, directorate_id) DO UPDATE SET role = excluded.role, active = 1
                """,
                new { personId, directorate, invite.Role });

            // A re-invite replaces the councils in its directorate: the invite says what the person does there now.
            db.Execute(
                "DELETE FROM person_council WHERE person_id = @personId AND council_id IN (SELECT id FROM council WHERE directorate_id = @directorate)",
                new { personId, directorate });
            db.Execute(
                "INSERT INTO person_council (person_id, council_id) SELECT @personId, council_id FROM invite_council WHERE invite_id = @Id ON CONFLICT DO NOTHING",
                new { personId, invite.Id });
        }

        // Any conversation left from before is dropped.
        db.Execute("DELETE FROM conversation WHERE chat_id = @telegramId", new { telegramId });
        db.Execute("UPDATE invite SET used_at = @now, used_by = @personId WHERE id = @Id", new { now, personId, invite.Id });
        return RedeemResult.Registered;
    }

    /// <summary>
    /// Deactivates a person in the directorate and discards their conversation; their councils there move to
    /// <paramref name="successorId"/> when given.
    /// </summary>
    public void Deactivate(long personId, long? successorId, string actor, DateTimeOffset now)
    {
        var councils = CouncilsOf(personId);
        db.Execute("UPDATE person_directorate SET active = 0 WHERE person_id = @personId AND directorate_id = @directorate", new { personId, directorate = db.Directorate });

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

            db.Execute(
                "DELETE FROM person_council WHERE person_id = @personId AND council_id IN (SELECT id FROM council WHERE directorate_id = @directorate)",
                new { personId, directorate = db.Directorate });
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

        public long? DirectorateId { get; init; }

        public string Role { get; init; } = "";

        public DateTimeOffset ExpiresAt { get; init; }

        public DateTimeOffset? UsedAt { get; init; }
    }
}
