using System.Text.Json.Nodes;

namespace LowCode.Engine.Tests.Processes;

/// <summary>Submissions for the seed apps' forms, as a front end would send them.</summary>
internal static class Claims
{
    /// <summary>An expense claim; over 50 it needs a receipt: the id of a file uploaded for the claim's task.</summary>
    public static JsonObject Expense(double amount, string employee = "emma@example.com", string manager = "max@example.com", string? receipt = null)
    {
        var claim = new JsonObject
        {
            ["employee"] = new JsonObject
            {
                ["employeeName"] = "Emma Example",
                ["employeeEmail"] = employee,
                ["managerEmail"] = manager,
                ["department"] = "sales",
                ["costCenter"] = "CC-1234",
            },
            ["isTravel"] = false,
            ["currency"] = "EUR",
            ["lines"] = new JsonArray(new JsonObject { ["date"] = "2026-02-20", ["category"] = "meals", ["description"] = "Customer dinner", ["amount"] = amount }),
        };
        if (amount > 50)
        {
            claim["receipts"] = new JsonArray(receipt);
        }

        if (amount > 1000)
        {
            claim["justification"] = "A customer workshop with the whole buying team.";
        }

        return claim;
    }

    public static JsonObject Review(string comment = "Fine.") => new() { ["reviewComment"] = comment, ["policyException"] = false };

    public static JsonObject AccessRequest(string system = "crm", string level = "read") => new()
    {
        ["requesterName"] = "Emma Example",
        ["requesterEmail"] = "emma@example.com",
        ["managerEmail"] = "max@example.com",
        ["system"] = system,
        ["accessLevel"] = level,
        ["justification"] = "I take over the key accounts of a colleague.",
        ["neededFrom"] = "2026-03-09",
    };

    public static JsonObject AccessDecision(string note) => new() { ["decisionNote"] = note, ["leastPrivilegeChecked"] = true };
}
