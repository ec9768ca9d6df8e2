namespace OneBotBridge.Simulation;

/// <summary>
/// A user of the demo world: the openid group and C2C messages carry (the platform gives the same person
/// the same union_openid everywhere; the demo keeps one openid for simplicity), and the id guild messages carry.
/// </summary>
internal sealed record DemoUser(string OpenId, string GuildUserId, string Name)
{
    public static readonly DemoUser Alice = new("7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7", "10001001", "Alice");
    public static readonly DemoUser Bob = new("1B2C3D4E5F60718293A4B5C6D7E8F901", "10001002", "Bob");

    /// <summary>Whoever types at the terminal.</summary>
    public static readonly DemoUser You = new("5E6F708192A3B4C5D6E7F8091A2B3C4D", "10001003", "you");
}
