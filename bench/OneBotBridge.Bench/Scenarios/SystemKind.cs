namespace OneBotBridge.Bench.Scenarios;

/// <summary>What sits between the simulator and the clients in an events run.</summary>
internal enum SystemKind
{
    /// <summary>The bridge executable.</summary>
    Bridge,

    /// <summary>The minimal relay: the physical limit of the machine.</summary>
    Relay,
}
