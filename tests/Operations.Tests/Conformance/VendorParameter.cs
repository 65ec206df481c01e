using System.Text.Json.Nodes;

namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// One parameter of a vendor operation; <c>In</c> says where it goes: path, query, header or cookie.
/// </summary>
internal sealed record VendorParameter(string Name, string In, bool Required, JsonObject? Schema);
