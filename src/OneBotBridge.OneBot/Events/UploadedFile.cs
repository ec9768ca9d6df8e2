namespace OneBotBridge.OneBot.Events;

/// <summary>The <c>file</c> of a <see cref="GroupUploadNotice"/>; <see cref="Size"/> in bytes.</summary>
public sealed record UploadedFile(string Id, string Name, long Size, long Busid);
