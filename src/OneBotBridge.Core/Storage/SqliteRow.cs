using Microsoft.Data.Sqlite;

namespace OneBotBridge.Core.Storage;

/// <summary>The current row of a query, whichever way it is stepped: so one mapping reads a row both ways.</summary>
internal interface ISqliteRow
{
    long Int64(int column);

    string Text(int column);
}

/// <summary>A <see cref="SqliteDataReader"/>'s current row.</summary>
internal readonly struct DataReaderRow(SqliteDataReader reader) : ISqliteRow
{
    public long Int64(int column) => reader.GetInt64(column);

    public string Text(int column) => reader.GetString(column);
}
