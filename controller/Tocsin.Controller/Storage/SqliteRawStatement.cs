using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tocsin.Controller.Storage;

/// <summary>
/// A statement compiled once on a connection and run many times through SQLite's own interface,
/// each value bound straight from the caller. Microsoft.Data.Sqlite builds a data reader, a statement
/// enumerator and a binder object per parameter on every execution: at 10,000 nodes the ingest
/// writer runs millions of rows a day, and that was most of its managed time and a tenth of all the
/// garbage the controller made. It runs inside whatever transaction the connection has open.
/// Values are bound by position, which is the order the parameters first appear in the SQL
/// (checked when compiled). Not thread-safe, like the connection it belongs to.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    /// <summary>Compiles <paramref name="sql"/>, whose parameters are <paramref name="parameters"/> in order of first appearance.</summary>
    public SqliteRawStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _connection = connection;
        sqlite3 db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement, out string tail));
        try
        {
            if (!string.IsNullOrWhiteSpace(tail))
            {
                throw new ArgumentException("one statement only; this follows it: " + tail.Trim(), nameof(sql));
            }

            if (raw.sqlite3_bind_parameter_count(_statement) != parameters.Length)
            {
                throw new ArgumentException("the statement has " + raw.sqlite3_bind_parameter_count(_statement) + " parameters, not " + parameters.Length, nameof(parameters));
            }

            for (int i = 0; i < parameters.Length; i++)
            {
                if (raw.sqlite3_bind_parameter_index(_statement, parameters[i]) != i + 1)
                {
                    throw new ArgumentException("parameter " + parameters[i] + " is not number " + (i + 1) + " in the statement", nameof(parameters));
                }
            }
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    // Text up to this many UTF-16 units is encoded on the stack (3 bytes a unit at most), longer text
    // in a rented buffer.
    private const int ShortTextChars = 128;

    /// <summary>
    /// Binds text (or NULL) at <paramref name="position"/> (from 1), encoded to UTF-8 here: bound as
    /// UTF-16, SQLite would translate every row's text into a buffer of its own, and would join an
    /// unpaired surrogate to the character after it. An unpaired surrogate is stored as U+FFFD, as
    /// <see cref="Utf8Text"/> stores invalid UTF-8, so the database only ever holds valid text.
    /// </summary>
    public SqliteRawStatement Text(int position, string? value)
    {
        if (value == null)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return this;
        }

        // Empty text is bound as such: a span over no characters may reach SQLite as a null pointer, stored as NULL.
        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, position, string.Empty));
            return this;
        }

        byte[]? rented = value.Length > ShortTextChars ? System.Buffers.ArrayPool<byte>.Shared.Rent(value.Length * 3) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[ShortTextChars * 3];
            System.Text.Unicode.Utf8.FromUtf16(value, utf8, out _, out int written, replaceInvalidSequences: true);
            // SQLite copies the bytes before this returns (SQLITE_TRANSIENT), so the buffer may go back.
            Check(raw.sqlite3_bind_text(_statement, position, utf8[..written]));
        }
        finally
        {
            if (rented != null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return this;
    }

    /// <summary>
    /// Binds UTF-8 text at <paramref name="position"/> (from 1), as it is: no decoding and re-encoding.
    /// Bytes that are not valid UTF-8 are stored as their decoding (invalid sequences become U+FFFD),
    /// so the database only ever holds valid text, as it did when payloads were strings.
    /// </summary>
    public SqliteRawStatement Utf8Text(int position, ReadOnlySpan<byte> value)
    {
        if (!System.Text.Unicode.Utf8.IsValid(value))
        {
            return Text(position, System.Text.Encoding.UTF8.GetString(value));
        }

        // Empty text is bound as such, as in Text.
        Check(value.IsEmpty ? raw.sqlite3_bind_text(_statement, position, string.Empty) : raw.sqlite3_bind_text(_statement, position, value));
        return this;
    }

    /// <summary>Binds an integer (or NULL) at <paramref name="position"/> (from 1).</summary>
    public SqliteRawStatement Integer(int position, long? value)
    {
        Check(value is long v ? raw.sqlite3_bind_int64(_statement, position, v) : raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    /// <summary>
    /// Runs the statement with the values bound (one that returns no rows), then forgets them, so a
    /// value left unbound by mistake is NULL, not the last row's. Throws <see cref="SqliteException"/>
    /// on failure. While another connection holds a lock it tries again, for as long as the
    /// connection's command timeout (0: no limit), as ADO.NET commands do (SQLite's busy timeout covers
    /// file locks, not the table locks of a shared-cache database), unless SQLite has already rolled
    /// back the transaction the statement ran in: then the rest of the round must not go on alone.
    /// </summary>
    public void Run()
    {
        sqlite3 db = _connection.Handle ?? throw new InvalidOperationException("the connection is closed");
        bool inTransaction = raw.sqlite3_get_autocommit(db) == 0;
        int timeoutS = _connection.DefaultTimeout;
        long giveUpAt = Environment.TickCount64 + (timeoutS * 1000L);
        try
        {
            while (true)
            {
                int rc = raw.sqlite3_step(_statement);

                // Reset at once, success or not: a statement left mid-way holds its locks. Running it again
                // is safe after the errors that are retried (busy, locked): SQLite returns them when it
                // takes its locks, before the statement has changed anything.
                raw.sqlite3_reset(_statement);
                if (rc == raw.SQLITE_DONE || rc == raw.SQLITE_ROW)
                {
                    return;
                }

                bool rolledBack = inTransaction && raw.sqlite3_get_autocommit(db) != 0;
                if (((rc & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED) && !rolledBack
                    && (timeoutS == 0 || Environment.TickCount64 < giveUpAt))
                {
                    Thread.Sleep(10);
                    continue;
                }

                Check(rc);
            }
        }
        finally
        {
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            sqlite3? db = _connection.Handle;
            string message = db == null ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(db).utf8_to_string();
            throw new SqliteException("SQLite Error " + rc + ": '" + message + "'.", rc, db == null ? rc : raw.sqlite3_extended_errcode(db));
        }
    }
}
