using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

public sealed class PlatformIdGenerationsTests
{
    private const long GenerationSize = 1L << PlatformIdGenerations.SeqBits;

    [Test]
    public void An_id_is_found_in_every_generation_that_holds_it_newest_first()
    {
        var generations = new PlatformIdGenerations();
        generations.Add(1, "ROBOT1.0_twice");
        generations.Add(GenerationSize + 1, "ROBOT1.0_once");
        generations.Add((2 * GenerationSize) + 5, "ROBOT1.0_twice");

        Assert.Multiple(() =>
        {
            Assert.That(generations.MayHold("ROBOT1.0_twice"), Is.EqualTo(new long[] { 2, 0 }));
            Assert.That(generations.MayHold("ROBOT1.0_once"), Is.EqualTo(new long[] { 1 }));
            Assert.That(generations.MayHold("ROBOT1.0_never"), Is.Empty);
        });
    }

    [Test]
    public void A_full_generation_holds_every_id_it_saw_and_few_it_did_not()
    {
        var generations = new PlatformIdGenerations();
        var seen = Enumerable.Range(0, (int)GenerationSize).Select(_ => $"ROBOT1.0_{Guid.NewGuid():N}").ToList();
        for (var i = 0; i < seen.Count; i++)
        {
            generations.Add(i, seen[i]);
        }

        var unseenHeld = Enumerable.Range(0, 100_000).Count(_ => generations.MayHold($"ROBOT1.0_{Guid.NewGuid():N}").Length > 0);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Where(id => generations.MayHold(id).Length != 1), Is.Empty, "no id it saw is ever missed");
            Assert.That(unseenHeld, Is.LessThan(1_000), "ids it never saw, of 100,000, that need a seek (about 400)");
        });
    }

    [Test]
    public void A_forgotten_generation_holds_nothing_and_the_others_keep_theirs()
    {
        var generations = new PlatformIdGenerations();
        generations.Add(1, "ROBOT1.0_a");
        generations.Add(GenerationSize, "ROBOT1.0_b");
        generations.Add((2 * GenerationSize) + 1, "ROBOT1.0_c");

        generations.Forget([1]);

        Assert.Multiple(() =>
        {
            Assert.That(generations.Numbers, Is.EqualTo(new long[] { 0, 2 }));
            Assert.That(generations.MayHold("ROBOT1.0_a"), Is.EqualTo(new long[] { 0 }));
            Assert.That(generations.MayHold("ROBOT1.0_b"), Is.Empty);
            Assert.That(generations.MayHold("ROBOT1.0_c"), Is.EqualTo(new long[] { 2 }));
        });
    }
}
