using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api;

public static class FirstWriteRace
{
    /// <summary>
    /// Runs a read-then-insert-or-update once more when another request inserted the same row between
    /// its read and its write: the second run finds that row and updates it, as if it had come second.
    /// </summary>
    public static async Task<T> SaveAsIfSecondAsync<T>(this PlatformDbContext db, Func<Task<T>> readAndWrite)
    {
        try
        {
            return await readAndWrite();
        }
        catch (DbUpdateException error) when (PostgresErrors.Classify(error) == PostgresFailure.Conflict)
        {
            db.ChangeTracker.Clear();
            return await readAndWrite();
        }
    }
}
