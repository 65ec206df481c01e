namespace Connector.Sandbox.Handlers;

/// <summary>The vendor's message types: what a send request names, and the number and name messages carry.</summary>
internal static class MessageTypes
{
    private static readonly Dictionary<string, (int Number, string Name)> BySendType =
        new(StringComparer.OrdinalIgnoreCase)
    {
        ["Call"] = (1, "TYPE_CALL"),
        ["SMS"] = (2, "TYPE_SMS"),
        ["Email"] = (3, "TYPE_EMAIL"),
        ["FB"] = (11, "TYPE_FACEBOOK"),
        ["GMB"] = (15, "TYPE_GMB"),
        ["IG"] = (18, "TYPE_INSTAGRAM"),
        ["WhatsApp"] = (19, "TYPE_WHATSAPP"),
        ["Custom"] = (20, "TYPE_CUSTOM_SMS"),
        ["Live_Chat"] = (29, "TYPE_LIVE_CHAT"),
    };

    /// <summary>The type of a message sent as <paramref name="sendType"/>; SMS when unknown.</summary>
    public static (int Number, string Name) Of(string? sendType) =>
        sendType is not null && BySendType.TryGetValue(sendType, out var type) ? type : BySendType["SMS"];
}
