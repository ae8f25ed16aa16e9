using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Platform.Data;

/// <summary>What a failed database call says about the request or the database.</summary>
public enum PostgresFailure
{
    /// <summary>Not a database failure, or one that is the code's own mistake (a bad query).</summary>
    None,

    /// <summary>Postgres could not be reached or could not serve now; the same call may work shortly.</summary>
    Unavailable,

    /// <summary>Postgres refused a value (SQLSTATE class 22, or a NOT NULL or CHECK rule): the same call fails every time.</summary>
    BadData,

    /// <summary>The row is not as the call expected: a unique key taken, a referenced row gone (23505, 23P01, 23503).</summary>
    Conflict,
}

public static class PostgresErrors
{
    /// <summary>
    /// Sorts a failure by SQLSTATE class, so that bad input is never mistaken for an outage nor an outage
    /// for bad input: a caller answers, retries or sets aside accordingly.
    /// </summary>
    public static PostgresFailure Classify(Exception error) => error switch
    {
        DbUpdateException { InnerException: { } inner } => Classify(inner),
        RetryLimitExceededException or TimeoutException => PostgresFailure.Unavailable,
        PostgresException postgres => Classify(postgres),
        NpgsqlException => PostgresFailure.Unavailable,
        _ => PostgresFailure.None,
    };

    private static PostgresFailure Classify(PostgresException error) =>
        error.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.ExclusionViolation
            or PostgresErrorCodes.ForeignKeyViolation => PostgresFailure.Conflict,
            PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.CheckViolation => PostgresFailure.BadData,
            // A NUL character in a text parameter reaches the server as a malformed message, not as a bad value.
            PostgresErrorCodes.ProtocolViolation => PostgresFailure.BadData,
            ['2', '2', ..] => PostgresFailure.BadData,
            // Connection (08), resources (53), operator intervention (57, statement timeouts among them), system (58), rollbacks (40).
            ['0', '8', ..] or ['5', '3', ..] or ['5', '7', ..] or ['5', '8', ..] or ['4', '0', ..] =>
                PostgresFailure.Unavailable,
            _ when error.IsTransient => PostgresFailure.Unavailable,
            _ => PostgresFailure.None,
        };
}
