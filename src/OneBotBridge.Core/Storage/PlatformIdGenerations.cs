using Microsoft.Data.Sqlite;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// Which part of the messages table may hold a platform message id. The table is cut by arrival order into generations
/// of <c>2^<see cref="SeqBits"/></c> rows (<c>seq &gt;&gt; SeqBits</c>), and its platform-id index is keyed by generation
/// first: a new message goes into the current generation's small corner of the index, not onto a random page of all of
/// it, as it did while the index was keyed by the (random) platform id alone. A lookup asks this in-memory filter which
/// generations may hold the id, and seeks only in those, newest first: a new message (the usual case) usually in none.
/// </summary>
/// <remarks>
/// One blocked Bloom filter per generation: each id sets <see cref="BitsPerId"/> bits within one 64-bit word, so a
/// question costs one memory read per generation. 128 KiB (two bytes an id) for a full generation of 65,536 ids answers
/// "maybe" for about 0.4 % of ids it never saw, which then cost one seek each. A question reads one word of every
/// generation, so it costs more as more is stored: at 100 messages a second kept for 7 days (900 generations), some
/// 900 reads and 4 vain seeks. A single index of random ids cost a random page per message at any size.
/// Written by the store's single writer thread (and after start by the thread reading the stored ids) and read by any:
/// bits are set with atomic ORs before the row they stand for is committed, and the generation list is replaced,
/// never changed.
/// </remarks>
internal sealed class PlatformIdGenerations
{
    public const int SeqBits = 16;

    /// <summary>The generation expression of the table's platform-id index; a query must spell it the same to use it.</summary>
    public const string GenerationOfRow = "seq >> 16";

    /// <summary>The condition that seeks one generation's corner of the index, for <c>$generation</c> and <c>$platform</c>.</summary>
    public const string InGeneration = $"{GenerationOfRow} = $generation AND platform_id = $platform";

    private const int WordBits = 14;
    private const int BitsPerId = 5;

    private readonly Lock _gate = new();
    private volatile Generation[] _generations = [];

    /// <summary>
    /// The generations with rows at open whose ids are not read yet, newest first; null once all are. The loader takes
    /// them from the front, so every filter newer than the first is complete.
    /// </summary>
    private volatile long[]? _unread;

    public static long GenerationOf(long seq) => seq >> SeqBits;

    /// <summary>
    /// The filters of a database just opened, before its stored ids are read (<see cref="Load"/>): until then, every
    /// generation that has rows may hold any id, so lookups seek in each of them: slower, never wrong. Finds those
    /// generations with one seek each.
    /// </summary>
    public static PlatformIdGenerations Opening(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM messages WHERE seq >= $from ORDER BY seq LIMIT 1;";
        var from = command.Parameters.AddWithValue("$from", 0L);
        var stored = new List<long>();
        while (command.ExecuteScalar() is long seq)
        {
            stored.Add(GenerationOf(seq));
            from.Value = (GenerationOf(seq) + 1) << SeqBits;
        }

        stored.Reverse();
        return new PlatformIdGenerations { _unread = stored.Count == 0 ? null : [.. stored] };
    }

    /// <summary>True until <see cref="Load"/> has read every generation stored at <see cref="Opening"/>.</summary>
    public bool HasUnread => _unread is not null;

    /// <summary>
    /// Reads the ids of every generation stored at <see cref="Opening"/>, newest first, each in a short read of its own
    /// (a long one would hold back checkpoints, or, without WAL, the writer), and returns how many. Each generation read
    /// is trusted to its filter from then on; rows written meanwhile are added by the writer.
    /// </summary>
    public long Load(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT platform_id FROM messages WHERE {GenerationOfRow} = $generation;";
        var generationParameter = command.Parameters.AddWithValue("$generation", 0L);
        var count = 0L;
        while (_unread is { } unread)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generation = unread[0];
            generationParameter.Value = generation;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    AddTo(generation, Hash(reader.GetString(0)));
                    count++;
                }
            }

            _unread = unread.Length == 1 ? null : unread[1..];
        }

        return count;
    }

    /// <summary>Notes that the row numbered <paramref name="seq"/> holds <paramref name="platformId"/>. Writer thread only.</summary>
    public void Add(long seq, string platformId) => AddTo(GenerationOf(seq), Hash(platformId));

    /// <summary>The generations that may hold <paramref name="platformId"/>, newest first; most often none.</summary>
    public long[] MayHold(string platformId)
    {
        var hash = Hash(platformId);

        // The unread list first: once it no longer names a generation, that generation's filter is in the array read after.
        var unread = _unread;
        var generations = _generations;
        var newerThanUnread = unread is null ? long.MinValue : unread[0];
        List<long>? candidates = null;
        for (var i = generations.Length - 1; i >= 0 && generations[i].Number > newerThanUnread; i--)
        {
            if (generations[i].MayHold(hash))
            {
                (candidates ??= []).Add(generations[i].Number);
            }
        }

        if (unread is not null)
        {
            return [.. candidates ?? [], .. unread];
        }

        return candidates is null ? [] : [.. candidates];
    }

    /// <summary>The generations known, oldest first.</summary>
    public IEnumerable<long> Numbers => _generations.Select(generation => generation.Number);

    /// <summary>Drops the filters of <paramref name="emptied"/>, generations whose rows are all deleted and committed so.</summary>
    public void Forget(IReadOnlyCollection<long> emptied)
    {
        lock (_gate)
        {
            _generations = [.. _generations.Where(generation => !emptied.Contains(generation.Number))];
        }
    }

    private void AddTo(long number, ulong hash)
    {
        var generations = _generations;
        var generation = generations.Length > 0 && generations[^1].Number == number
            ? generations[^1]
            : FindOrAdd(number);
        generation.Add(hash);
    }

    private Generation FindOrAdd(long number)
    {
        lock (_gate)
        {
            var existing = Array.Find(_generations, generation => generation.Number == number);
            if (existing is not null)
            {
                return existing;
            }

            var added = new Generation(number);
            _generations = [.. _generations.Append(added).OrderBy(generation => generation.Number)];
            return added;
        }
    }

    /// <summary>FNV-1a over the id's UTF-16 units, then the SplitMix64 finalizer to spread FNV's weak high bits.</summary>
    private static ulong Hash(string platformId)
    {
        var hash = 14695981039346656037UL;
        foreach (var unit in platformId)
        {
            hash = (hash ^ unit) * 1099511628211UL;
        }

        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    private sealed class Generation(long number)
    {
        private readonly ulong[] _words = new ulong[1 << WordBits];

        public long Number { get; } = number;

        public void Add(ulong hash) => Interlocked.Or(ref _words[WordOf(hash)], BitsOf(hash));

        public bool MayHold(ulong hash)
        {
            var bits = BitsOf(hash);
            return (Volatile.Read(ref _words[WordOf(hash)]) & bits) == bits;
        }

        private static int WordOf(ulong hash) => (int)(hash & ((1UL << WordBits) - 1));

        /// <summary>The id's bits within its word, each picked by six bits of the hash above those that picked the word.</summary>
        private static ulong BitsOf(ulong hash)
        {
            var bits = 0UL;
            for (var i = 0; i < BitsPerId; i++)
            {
                bits |= 1UL << (int)((hash >> (WordBits + (6 * i))) & 63);
            }

            return bits;
        }
    }
}
