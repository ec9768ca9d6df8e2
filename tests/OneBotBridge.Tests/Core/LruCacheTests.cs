using OneBotBridge.Core.Caching;

namespace OneBotBridge.Tests.Core;

public sealed class LruCacheTests
{
    [Test]
    public void When_full_the_least_recently_used_entry_is_forgotten()
    {
        var cache = new LruCache<string, int>(3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.That(cache.TryGet("a", out _), Is.True, "reading a makes it the newest");

        cache.Set("d", 4);

        Assert.That(cache.TryGet("b", out _), Is.False);
        Assert.That(Contents(cache, "a", "c", "d"), Is.EqualTo(new[] { 1, 3, 4 }));
        Assert.That(cache.Count, Is.EqualTo(3));
    }

    [Test]
    public void Setting_a_known_key_replaces_its_value_and_makes_it_newest()
    {
        var cache = new LruCache<int, string>(2);
        cache.Set(1, "one");
        cache.Set(2, "two");
        cache.Set(1, "uno");

        cache.Set(3, "three");

        Assert.That(cache.TryGet(2, out _), Is.False);
        Assert.That(cache.TryGet(1, out var one) ? one : null, Is.EqualTo("uno"));
    }

    [Test]
    public void Removed_slots_are_reused_and_the_order_survives_removals_at_either_end()
    {
        var cache = new LruCache<int, int>(3);
        cache.Set(1, 1);
        cache.Set(2, 2);
        cache.Set(3, 3);
        cache.Remove(1);
        cache.Remove(3);
        cache.Remove(42);
        cache.Set(4, 4);
        cache.Set(5, 5);

        cache.Set(6, 6);

        Assert.That(cache.TryGet(2, out _), Is.False, "2 was the oldest left");
        Assert.That(Contents(cache, 4, 5, 6), Is.EqualTo(new[] { 4, 5, 6 }));
    }

    [Test]
    public void A_long_churn_matches_a_reference_model()
    {
        var cache = new LruCache<int, int>(50);
        var model = new List<(int Key, int Value)>();
        var random = new Random(7);
        for (var step = 0; step < 20_000; step++)
        {
            var key = random.Next(120);
            switch (random.Next(3))
            {
                case 0:
                    var found = cache.TryGet(key, out var value);
                    var index = model.FindIndex(entry => entry.Key == key);
                    Assert.That(found, Is.EqualTo(index >= 0), $"step {step}");
                    if (index >= 0)
                    {
                        Assert.That(value, Is.EqualTo(model[index].Value));
                        var entry = model[index];
                        model.RemoveAt(index);
                        model.Add(entry);
                    }

                    break;
                case 1:
                    cache.Set(key, step);
                    model.RemoveAll(entry => entry.Key == key);
                    model.Add((key, step));
                    if (model.Count > 50)
                    {
                        model.RemoveAt(0);
                    }

                    break;
                default:
                    cache.Remove(key);
                    model.RemoveAll(entry => entry.Key == key);
                    break;
            }

            Assert.That(cache.Count, Is.EqualTo(model.Count));
        }
    }

    private static int[] Contents<TKey>(LruCache<TKey, int> cache, params TKey[] keys)
        where TKey : notnull =>
        [.. keys.Select(key => cache.TryGet(key, out var value) ? value : -1)];
}
