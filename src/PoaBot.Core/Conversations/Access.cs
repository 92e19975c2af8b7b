using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// Who may do what, decided from the tables at the moment of acting, never from the button that was pressed:
/// role, current council membership, record ownership, and the flow the person is in. Every check of the engine
/// lives here, so a reviewer reads the whole policy in one file, except the role each command needs: a column of
/// <see cref="ChatCommands"/>.
/// </summary>
public static class Access
{
    /// <summary>Steps of the director's tools: a person who is no longer director when the answer arrives is stopped.</summary>
    public static bool IsDirectorStep(Step step) => step is
        Step.Deactivate or Step.Reassign or Step.DeactivateConfirm or Step.JustifyChoice or
        Step.ReopenChoice or Step.ReopenDays or Step.ReopenReason or
        Step.InviteRole or Step.InviteCouncils or Step.CouncilList or Step.CouncilName or Step.CouncilLocality or
        Step.ImportFile or Step.ImportConfirm;

    /// <summary>Steps the planning office may answer: it only reads (a record shown by /folio, the choice of a directorate).</summary>
    public static bool IsReadingStep(Step step) => step is Step.Idle or Step.RecordChoice or Step.DirectorateChoice;

    /// <summary>
    /// Refuses a director-only step to anyone else, and any writing step to the planning office; the task in progress is
    /// dropped. (Commands: <see cref="ChatCommands"/>.)
    /// </summary>
    public static bool Refuse(Turn turn)
    {
        var refusal = turn.Person.IsPlanning && !IsReadingStep(turn.State.Step) ? DirectorateText.ReadOnly
            : !turn.Person.IsDirector && IsDirectorStep(turn.State.Step) ? Texts.DirectorOnly
            : null;
        if (refusal is null)
        {
            return false;
        }

        turn.State.Reset();
        turn.Say(refusal);
        return true;
    }

    /// <summary>The councils a person may report for now: all for the Dirección, their current ones for a coordinator.</summary>
    public static IReadOnlyList<CouncilRow> Councils(Turn turn) =>
        turn.Person.IsDirector ? new PeopleStore(turn.Db).Councils() : new PeopleStore(turn.Db).CouncilsOf(turn.Person.Id);

    /// <summary>
    /// A record (of the turn's directorate: the stores read no other) is seen by the Dirección, by Planeación and by the
    /// coordinators of its council now (not by a former one).
    /// </summary>
    public static bool MayView(Turn turn, RecordRow record) =>
        turn.Person.IsDirector || turn.Person.IsPlanning || new PeopleStore(turn.Db).CouncilsOf(turn.Person.Id).Any(c => c.Id == record.CouncilId);

    /// <summary>
    /// A record is corrected (voided or amended) by the Dirección, or by its author while the council is still theirs;
    /// either way only while its bimester is not locked (checked by <see cref="RecordsFlow"/> when the correction starts and
    /// again before it is written).
    /// </summary>
    public static bool MayCorrect(Turn turn, RecordRow record) =>
        turn.Person.IsDirector || (record.CreatedBy == turn.Person.Id && !turn.Person.IsPlanning && MayView(turn, record));

    /// <summary>
    /// Why this person may not write the justification of an activity's bimester, or null if they may: the Dirección
    /// always; a coordinator only for an activity that fell short, and only while no one has written it yet (once
    /// written, only the Dirección changes it).
    /// </summary>
    public static string? JustifyRefusal(Turn turn, long activityId, int bimester, Func<bool> outOfBand) =>
        turn.Person.IsPlanning ? DirectorateText.ReadOnly
        : turn.Person.IsDirector ? null
        : !outOfBand() ? CloseText.NoJustificationNeeded
        : new JustificationStore(turn.Db).Text(activityId, bimester) is null ? null
        : CloseText.JustificationWritten;
}
