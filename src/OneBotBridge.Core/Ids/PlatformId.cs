namespace OneBotBridge.Core.Ids;

/// <summary>A string id of the QQ platform together with what it identifies.</summary>
public readonly record struct PlatformId(IdKind Kind, string Value)
{
    public IdSpace Space => Kind.Space();

    public override string ToString() => $"{Kind.Tag()}:{Value}";
}
