namespace OneBotBridge.Core.Ids;

/// <summary>One remembered assignment: <see cref="Id"/> is numbered <see cref="Number"/> in its space.</summary>
public sealed record IdMapping(PlatformId Id, long Number);
