namespace OneBotBridge.Core.Caching;

/// <summary>A bounded map that forgets the least recently used entry when full. Not thread-safe.</summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes;
    private readonly LinkedList<(TKey Key, TValue Value)> _recency = new();

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _nodes = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    public int Count => _nodes.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            node.Value = (key, value);
            _recency.AddFirst(node);
            return;
        }

        if (_nodes.Count >= _capacity)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _nodes.Remove(oldest.Value.Key);
        }

        _nodes[key] = _recency.AddFirst((key, value));
    }

    public void Remove(TKey key)
    {
        if (_nodes.Remove(key, out var node))
        {
            _recency.Remove(node);
        }
    }
}
