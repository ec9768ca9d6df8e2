using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Tests.QQ;

public sealed class GatewaySessionTests
{
    [Test]
    public void A_replayed_seq_already_delivered_is_not_new()
    {
        var session = new GatewaySession();
        session.Start("s1");
        session.Advance(1);
        session.Advance(5);

        Assert.That(session.IsNew(4), Is.False);
        Assert.That(session.IsNew(5), Is.False);
        Assert.That(session.IsNew(6), Is.True);
        session.Advance(3);
        Assert.That(session.LastSeq, Is.EqualTo(5), "the seq never goes back");
    }

    [Test]
    public void Forgetting_the_session_starts_seqs_over()
    {
        var session = new GatewaySession();
        session.Start("s1");
        session.Advance(9);

        session.Forget();

        Assert.That(session.CanResume, Is.False);
        Assert.That(session.LastSeq, Is.Null);
        Assert.That(session.IsNew(1), Is.True);
    }
}
