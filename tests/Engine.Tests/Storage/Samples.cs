namespace LowCode.Engine.Tests.Storage;

/// <summary>Small valid definitions for store tests.</summary>
internal static class Samples
{
    public static string Form(string key = "leave-request", string name = "Leave request") => $$"""
        {
          "key": "{{key}}",
          "name": "{{name}}",
          "fields": [
            { "key": "days", "type": "integer", "label": "Days", "required": true, "min": 1, "max": 30 }
          ]
        }
        """;

    public static string Process(string key = "leave", string form = "leave-request") => $$"""
        {
          "key": "{{key}}",
          "name": "Leave",
          "steps": [
            { "key": "request", "type": "formTask", "form": "{{form}}", "assignee": { "role": "employee" }, "next": "done" },
            { "key": "done", "type": "end" }
          ]
        }
        """;
}
