using System.Text;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot;

public sealed class EncodedEventTests
{
    [Test]
    public void Each_format_is_serialized_once_and_only_when_asked_for()
    {
        var encoded = new List<MessageFormat>();
        var encodedEvent = new EncodedEvent(format =>
        {
            encoded.Add(format);
            return Encoding.UTF8.GetBytes(format.ToString());
        });

        Assert.That(encoded, Is.Empty);
        var first = encodedEvent.For(MessageFormat.Array);
        var again = encodedEvent.For(MessageFormat.Array);
        Assert.That(Encoding.UTF8.GetString(first.Span), Is.EqualTo("Array"));
        Assert.That(again.Span.SequenceEqual(first.Span), Is.True);
        Assert.That(encoded, Is.EqualTo(new[] { MessageFormat.Array }), "a format no connection uses is never serialized");

        Assert.That(Encoding.UTF8.GetString(encodedEvent.For(MessageFormat.String).Span), Is.EqualTo("String"));
        Assert.That(encoded, Is.EqualTo(new[] { MessageFormat.Array, MessageFormat.String }));
    }

    [Test]
    public void Connections_asking_at_once_are_handed_the_same_bytes()
    {
        var encodedEvent = new EncodedEvent(_ => Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));

        var seen = new ReadOnlyMemory<byte>[64];
        Parallel.For(0, seen.Length, i => seen[i] = encodedEvent.For(MessageFormat.String));

        Assert.That(seen.Select(bytes => Encoding.UTF8.GetString(bytes.Span)).Distinct().Count(), Is.EqualTo(1));
    }
}
