namespace OneBotBridge.Core.Caching;

/// <summary>A bounded map that forgets the least recently used entry when full. Not thread-safe.</summary>
/// <remarks>
/// The recency list lives in one array of structs linked by index, not in a node object per entry: caches on
/// the event path churn thousands of entries a second, and every node object would be one more long-lived
/// object for the garbage collector to trace.
/// </remarks>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private const int None = -1;

    private readonly int _capacity;
    private readonly Dictionary<TKey, int> _slotOf;
    private Entry[] _entries = [];
    private int _used;
    private int _free = None;
    private int _newest = None;
    private int _oldest = None;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _slotOf = new Dictionary<TKey, int>(comparer);
    }

    public int Count => _slotOf.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_slotOf.TryGetValue(key, out var slot))
        {
            MakeNewest(slot);
            value = _entries[slot].Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_slotOf.TryGetValue(key, out var slot))
        {
            _entries[slot].Value = value;
            MakeNewest(slot);
            return;
        }

        if (_slotOf.Count >= _capacity)
        {
            slot = _oldest;
            Unlink(slot);
            _slotOf.Remove(_entries[slot].Key);
        }
        else
        {
            slot = TakeFreeSlot();
        }

        _entries[slot] = new Entry { Key = key, Value = value };
        LinkAsNewest(slot);
        _slotOf[key] = slot;
    }

    public void Remove(TKey key)
    {
        if (_slotOf.Remove(key, out var slot))
        {
            Unlink(slot);
            _entries[slot] = new Entry { Next = _free };
            _free = slot;
        }
    }

    private int TakeFreeSlot()
    {
        if (_free != None)
        {
            var slot = _free;
            _free = _entries[slot].Next;
            return slot;
        }

        if (_used == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Min(_capacity, Math.Max(16, _entries.Length * 2)));
        }

        return _used++;
    }

    private void MakeNewest(int slot)
    {
        if (slot != _newest)
        {
            Unlink(slot);
            LinkAsNewest(slot);
        }
    }

    private void Unlink(int slot)
    {
        ref var entry = ref _entries[slot];
        if (entry.Previous == None)
        {
            _newest = entry.Next;
        }
        else
        {
            _entries[entry.Previous].Next = entry.Next;
        }

        if (entry.Next == None)
        {
            _oldest = entry.Previous;
        }
        else
        {
            _entries[entry.Next].Previous = entry.Previous;
        }
    }

    private void LinkAsNewest(int slot)
    {
        ref var entry = ref _entries[slot];
        entry.Previous = None;
        entry.Next = _newest;
        if (_newest != None)
        {
            _entries[_newest].Previous = slot;
        }

        _newest = slot;
        if (_oldest == None)
        {
            _oldest = slot;
        }
    }

    /// <summary>One cached pair and its neighbours in recency order (<see cref="Previous"/> is newer).</summary>
    private struct Entry
    {
        public TKey Key;
        public TValue Value;
        public int Previous;
        public int Next;
    }
}
