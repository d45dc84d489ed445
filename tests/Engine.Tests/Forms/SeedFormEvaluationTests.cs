using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;
using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

/// <summary>The seed apps' forms evaluated with the data their users would send.</summary>
public sealed class SeedFormEvaluationTests
{
    private static readonly string[] EmptyFormCodes = ["required", "minRows", "validation"];

    public static TheoryData<string> FormNames => [.. SeedFile.All.Where(f => f.Kind == DefinitionKind.Form).Select(f => f.Name)];

    private static FormDefinition Form(string name) => DefinitionJson.Parse<FormDefinition>(SeedFile.Named(name).Text)!;

    [Theory]
    [MemberData(nameof(FormNames))]
    public void AnEmptySeedFormRunsEveryExpressionWithoutError(string name)
    {
        var result = Evaluate(Form(name), "{}");

        Assert.DoesNotContain(result.Errors, e => e.Code == "expression");
        Assert.All(result.Errors, e => Assert.Contains(e.Code, EmptyFormCodes));
    }

    [Fact]
    public void AnExpenseClaimOverAThousandComputesItsTotalAndNeedsAJustificationAndReceipts()
    {
        var result = Evaluate(Form("expense-approval/expense-claim.form.json"), """
            {
              "employee": { "employeeName": "Ada Lovelace", "employeeEmail": "ada@example.com", "managerEmail": "charles@example.com", "department": "engineering", "costCenter": "CC-1234" },
              "isTravel": true, "destination": "Berlin", "travelStart": "2026-03-01", "travelEnd": "2026-03-04",
              "lines": [
                { "date": "2026-03-01", "category": "travel", "description": "Train", "amount": 189.9 },
                { "date": "2026-03-01", "category": "lodging", "description": "Hotel, 3 nights", "amount": "840.00" },
                { "date": "2026-03-02", "category": "meals", "description": "Team dinner", "amount": 95.35 }
              ]
            }
            """);

        Assert.Equal(1125.25, result.Values["total"]!.GetValue<double>());
        Assert.Equal("EUR", result.Values["currency"]!.GetValue<string>());
        Assert.True(result.StateOf("justification").Visible);
        Assert.Equal("justification:required,receipts:required", result.Codes());
    }

    [Fact]
    public void ACompleteExpenseClaimIsValidAndStoresWhatTheProcessReads()
    {
        var result = Evaluate(Form("expense-approval/expense-claim.form.json"), """
            {
              "employee": { "employeeName": "Ada Lovelace", "employeeEmail": "ada@example.com", "managerEmail": "charles@example.com", "department": "engineering", "costCenter": "CC-1234" },
              "isTravel": false, "destination": "ignored while hidden",
              "lines": [ { "date": "2026-03-01", "category": "supplies", "description": "Keyboard", "amount": 49.5 } ],
              "receipts": { "name": "keyboard.pdf", "size": 120400, "contentType": "application/pdf" }
            }
            """);

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal(
            """{"employee":{"employeeName":"Ada Lovelace","employeeEmail":"ada@example.com","managerEmail":"charles@example.com","department":"engineering","costCenter":"CC-1234"},"isTravel":false,"currency":"EUR","lines":[{"date":"2026-03-01","category":"supplies","description":"Keyboard","amount":49.5}],"total":49.5,"receipts":{"name":"keyboard.pdf","size":120400,"contentType":"application/pdf"}}""",
            result.ValuesJson());
    }

    [Fact]
    public void ABadExpenseClaimGetsEveryErrorWithItsPath()
    {
        var result = Evaluate(Form("expense-approval/expense-claim.form.json"), """
            {
              "employee": { "employeeName": "Ada", "employeeEmail": "ada-at-example", "managerEmail": "charles@example.com", "department": "marketing", "costCenter": "1234" },
              "isTravel": true, "destination": "Oslo", "travelStart": "2026-03-04", "travelEnd": "2026-03-01",
              "lines": [ { "date": "2026-03-01", "category": "meals", "description": "Lunch", "amount": -5 }, { "date": "yesterday", "category": "meals", "amount": 10 } ]
            }
            """);

        Assert.Equal(
            "employee.employeeEmail:type,employee.department:option,employee.costCenter:pattern,lines[0].amount:min,lines[1].date:type,lines[1].description:required,travelEnd:validation",
            result.Codes());
        Assert.Equal("A cost center looks like CC-1234.", result.ErrorAt("employee.costCenter").Message);
        Assert.Equal("The trip cannot end before it starts.", result.ErrorAt("travelEnd").Message);
    }

    [Fact]
    public void PrivilegedAccessShowsItsNoticeAndNeedsAnEndDateWithinNinetyDays()
    {
        var result = Evaluate(Form("it-access-request/access-request.form.json"), """
            {
              "requesterName": "Grace Hopper", "requesterEmail": "grace@example.com", "managerEmail": "boss@example.com",
              "system": "prodServers", "accessLevel": "admin", "justification": "Incident response rotation for Q2.",
              "neededFrom": "2026-04-01", "neededUntil": "2026-09-01", "ticketUrl": "https://tickets.example.com/42"
            }
            """);

        Assert.True(result.StateOf("privilegedNotice").Visible);
        Assert.False(result.StateOf("ticketUrl").Readonly);
        Assert.Equal("neededFrom:validation,neededUntil:validation", result.Codes());
    }

    [Fact]
    public void ReadAccessHidesTheEndDateAndLocksTheTicketLink()
    {
        var result = Evaluate(Form("it-access-request/access-request.form.json"), """
            {
              "requesterName": "Grace Hopper", "requesterEmail": "grace@example.com", "managerEmail": "boss@example.com",
              "system": "crm", "justification": "Needs to read customer history.", "neededFrom": "2026-04-01", "neededUntil": "2030-01-01"
            }
            """);

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal("read", result.Values["accessLevel"]!.GetValue<string>());
        Assert.False(result.Values.ContainsKey("neededUntil"));
        Assert.True(result.StateOf("ticketUrl").Readonly);
    }

    [Fact]
    public void CustomerDocumentsCheckEachOwnersRowAndTheOwnershipTotal()
    {
        var result = Evaluate(Form("customer-onboarding/customer-documents.form.json"), """
            {
              "registrationNumber": "HRB 12345",
              "registrationCertificate": { "name": "hrb.pdf", "contentType": "application/pdf", "size": 200000 },
              "proofOfAddress": { "name": "bill.docx", "contentType": "application/msword" },
              "beneficialOwners": [
                { "fullName": "A. Owner", "dateOfBirth": "1970-01-01", "ownershipPercent": 60, "identityDocument": { "name": "a.png", "contentType": "image/png" } },
                { "fullName": "B. Owner", "dateOfBirth": "1980-05-05", "ownershipPercent": 50, "identityDocument": { "name": "b.jpg", "contentType": "image/jpeg" } }
              ],
              "termsAccepted": false
            }
            """);

        Assert.Equal(110, result.Values["ownersTotalPercent"]!.GetValue<double>());
        Assert.Equal("proofOfAddress:accept,beneficialOwners:validation,termsAccepted:validation", result.Codes());
    }

    [Fact]
    public void AHighRiskReviewRequiresNotes()
    {
        var result = Evaluate(Form("customer-onboarding/kyc-review.form.json"), """{ "riskRating": "high", "sanctionsScreened": true, "screeningHits": 0 }""");

        Assert.Equal("kycNotes:required", result.Codes());
    }
}
