using System.Text.Json.Nodes;
using Connector.Runtime.Templating;

namespace Connector.Runtime.Tests.Templating;

public sealed class JsonTemplateTests
{
    private static readonly JsonObject Scope = (JsonObject)JsonNode.Parse("""
        {
          "limit": 20,
          "ratio": 1.5,
          "active": true,
          "archived": false,
          "tags": ["vip", "spring"],
          "address": { "city": "Lyon", "zip": "69001" },
          "name": "Ana",
          "nickname": null,
          "connection": { "locationId": "ve9EPM428h8vShlRW1KT", "companyId": "5DP4iH6HLkQsiKESj6rh" }
        }
        """)!;

    [Theory]
    [InlineData("{{limit}}", "20")]
    [InlineData("{{ratio}}", "1.5")]
    [InlineData("{{active}}", "true")]
    [InlineData("{{archived}}", "false")]
    [InlineData("{{tags}}", """["vip","spring"]""")]
    [InlineData("{{address}}", """{"city":"Lyon","zip":"69001"}""")]
    [InlineData("{{name}}", "\"Ana\"")]
    public void Render_StringThatIsExactlyOnePlaceholder_KeepsTheValuesType(string template, string expected)
    {
        var rendered = Render($$"""{ "value": "{{template}}" }""");

        Assert.Equal($$"""{"value":{{expected}}}""", rendered);
    }

    [Fact]
    public void Render_PlaceholderWithSpacesInsideTheBraces_FindsTheValue()
    {
        Assert.Equal("""{"n":20}""", Render("""{ "n": "{{ limit }}" }"""));
    }

    [Fact]
    public void Render_AbsentOptionalValue_RemovesItsKeyInsteadOfSendingEmptyOrNull()
    {
        var rendered = Render("""{ "firstName": "{{name}}", "phone": "{{phone}}", "email": "{{email}}" }""");

        Assert.Equal("""{"firstName":"Ana"}""", rendered);
    }

    [Fact]
    public void Render_AbsentOptionalValueInAnArray_RemovesThatElement()
    {
        var rendered = Render("""{ "ids": ["{{name}}", "{{missing}}", "fixed", "{{limit}}"] }""");

        Assert.Equal("""{"ids":["Ana","fixed",20]}""", rendered);
    }

    [Fact]
    public void Render_AbsentValueInANestedObject_RemovesOnlyThatKey()
    {
        var rendered = Render("""{ "contact": { "city": "{{address.city}}", "street": "{{address.street}}" } }""");

        Assert.Equal("""{"contact":{"city":"Lyon"}}""", rendered);
    }

    [Fact]
    public void Render_PresentJsonNull_IsSentAsNull()
    {
        var rendered = Render("""{ "nickname": "{{nickname}}", "list": ["{{nickname}}"] }""");

        Assert.Equal("""{"nickname":null,"list":[null]}""", rendered);
    }

    [Fact]
    public void Render_TextAroundPlaceholders_InterpolatesEachValueAsText()
    {
        var rendered = Render("""{ "line": "{{name}} has {{limit}} items, active={{active}}, ratio {{ratio}}" }""");

        Assert.Equal("""{"line":"Ana has 20 items, active=true, ratio 1.5"}""", rendered);
    }

    [Fact]
    public void Render_ArrayOrObjectInsideText_IsWrittenAsJson()
    {
        var template = JsonTemplate.Compile(JsonNode.Parse("""{ "t": "tags={{tags}} at {{address}}" }"""));

        var text = template.Render(Scope)!["t"]!.GetValue<string>();

        Assert.Equal("""tags=["vip","spring"] at {"city":"Lyon","zip":"69001"}""", text);
    }

    [Fact]
    public void Render_TextWithSomeValuesAbsent_InterpolatesThoseThatArePresent()
    {
        Assert.Equal("""{"t":"Ana  (20)"}""", Render("""{ "t": "{{name}} {{lastName}} ({{limit}})" }"""));
    }

    [Fact]
    public void Render_TextWhosePlaceholdersAreAllAbsent_RemovesItsKey()
    {
        var rendered = Render("""{ "X-Extra": "note-{{userId}}", "X-Both": "{{a}}{{b}}", "X-By": "by {{name}}" }""");

        Assert.Equal("""{"X-By":"by Ana"}""", rendered);
    }

    [Fact]
    public void Render_ConnectionPath_ReadsTheConnectionsValue()
    {
        var rendered = Render("""{ "locationId": "{{connection.locationId}}", "co": "{{connection.companyId}}!" }""");

        Assert.Equal("""{"locationId":"ve9EPM428h8vShlRW1KT","co":"5DP4iH6HLkQsiKESj6rh!"}""", rendered);
    }

    [Fact]
    public void Render_ConnectionValueTheConnectionLacks_IsAbsent()
    {
        Assert.Equal("{}", Render("""{ "userId": "{{connection.userId}}" }"""));
    }

    [Fact]
    public void Render_DottedPathWithAnArrayIndex_ReadsTheElement()
    {
        var rendered = Render("""{ "first": "{{tags.0}}", "second": "{{tags.5}}", "third": "x" }""");

        Assert.Equal("""{"first":"vip","third":"x"}""", rendered);
    }

    [Fact]
    public void Render_LiteralsWithoutPlaceholders_AreSentUnchanged()
    {
        const string template = """{"n":7,"b":false,"s":"plain {text}","list":[1,"two",2.50]}""";

        Assert.Equal(template, Render(template));
    }

    [Fact]
    public void Render_TopLevelPlaceholderThatIsAbsent_RendersNothing()
    {
        var template = JsonTemplate.Compile(JsonValue.Create("{{missing}}"));

        Assert.False(template.TryRender(Scope, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Render_NullTemplate_RendersNothing()
    {
        Assert.False(JsonTemplate.Compile(null).TryRender(Scope, out _));
    }

    [Fact]
    public void Render_ChangingTheResult_LeavesTheScopeAndTheNextRenderAlone()
    {
        var template = JsonTemplate.Compile(JsonNode.Parse("""{ "tags": "{{tags}}" }"""));

        var first = template.Render(Scope)!;
        first["tags"]!.AsArray().Add("changed");

        Assert.Equal("""{"tags":["vip","spring"]}""", template.Render(Scope)!.ToJsonString());
        Assert.Equal(2, Scope["tags"]!.AsArray().Count);
    }

    [Fact]
    public void References_ListsEveryPathTheTemplateUses()
    {
        var template = JsonTemplate.Compile(JsonNode.Parse("""
            { "a": "{{name}}", "b": ["{{ tags }}", 3], "c": { "d": "x {{connection.locationId}} {{address.city}}" } }
            """));

        Assert.Equal(["name", "tags", "connection.locationId", "address.city"], template.References);
    }

    private static string Render(string template) =>
        JsonTemplate.Compile(JsonNode.Parse(template)).Render(Scope)!.ToJsonString();
}
