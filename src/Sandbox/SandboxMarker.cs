namespace Connector.Sandbox;

/// <summary>Placeholder so the project builds before the sandbox lands; removed by it.</summary>
internal static class SandboxMarker;
