using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// A prepared statement driven through SQLitePCL directly, for the statements every message runs (its insert,
/// its lookup). Microsoft.Data.Sqlite allocates a binder per parameter, a UTF-8 copy per text value and a data
/// reader per execution: thousands of short-lived objects a second for the collector. Runs inside whatever
/// transaction its connection has open. Not thread-safe.
/// </summary>
internal sealed class SqliteStatement : ISqliteRow, IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, in the order the SQL names them).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <inheritdoc cref="Bind(int, long)"/>
    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                throw Failure(result);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Moves to the next row of a query: false when there is none. Call <see cref="Reset"/> when done.</summary>
    public bool Read() => raw.sqlite3_step(_statement) switch
    {
        raw.SQLITE_ROW => true,
        raw.SQLITE_DONE => false,
        var result => throw Failure(result),
    };

    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>Runs a query for whether it returns any row, and resets it.</summary>
    public bool HasRow()
    {
        try
        {
            return Read();
        }
        finally
        {
            Reset();
        }
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(result);
        }
    }

    private SqliteException Failure(int result) =>
        new(raw.sqlite3_errmsg(_database).utf8_to_string(), result, raw.sqlite3_extended_errcode(_database));
}
