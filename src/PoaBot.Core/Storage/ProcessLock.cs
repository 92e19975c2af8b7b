namespace PoaBot.Core.Storage;

/// <summary>
/// <c>poabot.db.lock</c> beside the database, held exclusively (flock) by the running bot. <c>restore</c> refuses while
/// another process holds it; the operating system releases it when the process ends, even after a crash.
/// </summary>
public static class ProcessLock
{
    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>The held lock, or null when another process holds it.</summary>
    public static FileStream? TryAcquire(string databasePath)
    {
        try
        {
            return new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
