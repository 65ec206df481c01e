using System.Security.Cryptography;
using System.Text.Json;
using Connector.Recipes.Definitions;

namespace Connector.Recipes.Hosting;

/// <summary>
/// What a recipe says, as a hash of its canonical JSON: two loads of an unchanged file give the same
/// fingerprint, although their inputs are different <see cref="System.Text.Json.Nodes.JsonNode"/> objects
/// that record equality would compare by reference.
/// </summary>
internal static class RecipeFingerprint
{
    public static string Of(RecipeDefinition recipe)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(recipe);
        return Convert.ToHexString(SHA256.HashData(json));
    }
}
