using System.Text.Json.Nodes;
using LowCode.Engine.Processes;

namespace LowCode.Engine.Tests.Processes;

public sealed class DataViewTests
{
    private static JsonObject Data() => JsonNode.Parse("""
        {
          "amount": 12.5,
          "note": "caf\u00e9 <b> \"quoted\"",
          "employee": { "employeeName": "Emma", "amount": 99, "address": { "city": "Bern" } },
          "address": { "city": "Basel", "zip": "4051" },
          "lines": [ { "amount": 1 }, null ],
          "empty": null
        }
        """)!.AsObject();

    [Fact]
    public void RenderWritesTheSameTextAsTheCopiedView()
    {
        var data = Data();
        HashSet<string> groups = ["employee", "address"];

        Assert.Equal(DataView.Of(data, groups).ToJsonString(), DataView.Render(data, groups));
    }

    [Fact]
    public void RenderWithoutGroupsWritesTheDataAsItIs()
    {
        var data = Data();

        Assert.Equal(data.ToJsonString(), DataView.Render(data, new HashSet<string>()));
    }

    [Fact]
    public void RenderLiftsAGroupsFieldsWithoutChangingTheData()
    {
        var data = Data();
        var before = data.ToJsonString();

        var view = JsonNode.Parse(DataView.Render(data, new HashSet<string> { "employee" }))!.AsObject();

        Assert.Equal("Emma", (string?)view["employeeName"]);
        Assert.Equal(12.5, (double?)view["amount"]);
        Assert.Equal(before, data.ToJsonString());
    }
}
