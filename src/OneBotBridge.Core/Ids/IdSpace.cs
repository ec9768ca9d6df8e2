namespace OneBotBridge.Core.Ids;

/// <summary>
/// A number space: numbers are unique inside a space, so a group and a user may share a number
/// but two users never do.
/// </summary>
public enum IdSpace
{
    User,
    Group,
    Guild,
}
