namespace Connector.Sandbox.Handlers;

/// <summary>The handlers that act on the sandbox's state, by operation key.</summary>
internal sealed class HandlerRegistry
{
    private readonly Dictionary<string, OperationHandler> _handlers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _handlers.Keys;

    /// <summary>Every handler the sandbox has.</summary>
    public static HandlerRegistry Build()
    {
        var registry = new HandlerRegistry();
        ContactHandlers.Register(registry);
        ContactListings.Register(registry);
        ContactRelations.Register(registry);
        TaskHandlers.Register(registry);
        NoteHandlers.Register(registry);
        CalendarHandlers.Register(registry);
        AppointmentHandlers.Register(registry);
        SlotHandlers.Register(registry);
        AppointmentNoteHandlers.Register(registry);
        CalendarExtrasHandlers.Register(registry);
        OpportunityHandlers.Register(registry);
        UserHandlers.Register(registry);
        BusinessHandlers.Register(registry);
        ConversationHandlers.Register(registry);
        LocationHandlers.Register(registry);
        AssociationHandlers.Register(registry);
        BlogHandlers.Register(registry);
        return registry;
    }

    public void Add(string key, OperationHandler handler) => _handlers.Add(key, handler);

    public OperationHandler? Find(string key) => _handlers.GetValueOrDefault(key);
}
