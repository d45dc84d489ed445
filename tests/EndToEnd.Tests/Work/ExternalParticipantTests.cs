using System.Text.Json;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>An external participant with nothing but a link: one task, the organisation's name, nothing else.</summary>
[Collection(DesignerSuite.Name)]
public sealed class ExternalParticipantTests(DesignerFixture fixture)
{
    [Fact]
    public async Task ACustomerCompletesTheOnboardingUploadFromALink_ReachesNothingElse_AndSeesAClearPageWhenTheLinkIsReused()
    {
        var (_, token) = await WorkArrangements.OnboardingAtUploadAsync(fixture, "ceo@acme.example");
        var (page, errors) = await fixture.OpenAnonymousPageAsync();
        var link = $"/external#token={Uri.EscapeDataString(token)}";

        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your company documents");
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("LowCode");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);

        await page.GetByLabel("Company registration number").FillAsync("HRB 12345");
        await page.GetByLabel("Choose a file for Certificate of incorporation").SetInputFilesAsync(Pdf("certificate.pdf"));
        await Expect(page.GetByText("certificate.pdf")).ToBeVisibleAsync();
        await page.GetByLabel("Choose a file for Proof of business address").SetInputFilesAsync(Pdf("bill.pdf"));
        await Expect(page.GetByText("bill.pdf")).ToBeVisibleAsync();
        await page.GetByLabel("Full name").FillAsync("Carla Customer");
        await page.GetByLabel("Date of birth").FillAsync("1975-04-01");
        await page.GetByLabel("Ownership (%)", new() { Exact = false }).First.FillAsync("100");
        await page.GetByLabel("Choose a file for Passport or identity card").SetInputFilesAsync(Pdf("passport.pdf"));
        await Expect(page.GetByText("passport.pdf")).ToBeVisibleAsync();

        // Sent without the confirmation: the server's problems are shown at their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(page.GetByText("The task was not completed.", new() { Exact = true })).ToBeVisibleAsync();
        var confirm = page.GetByRole(AriaRole.Checkbox, new() { Name = "I confirm the information is complete and correct" });
        await Expect(confirm).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.AssertAccessibleAsync(page, "the external participant's form with errors shown");
        await PageChecks.ScreenshotAsync(page, "work-external-form-with-errors");

        await confirm.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");

        // The token opens nothing but its own operations: no other page, no other data.
        var other = await page.APIRequest.PostAsync("/graphql", new() { Headers = new Dictionary<string, string> { ["X-LowCode-Link-Token"] = token }, DataObject = new { query = "{ instances { totalCount } }" } });
        using (var body = JsonDocument.Parse(await other.TextAsync()))
        {
            Assert.True(body.RootElement.TryGetProperty("errors", out var refused), body.RootElement.ToString());
            Assert.Equal("UNAUTHENTICATED", refused[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        await page.GotoAsync("/instances");
        await Expect(page.GetByLabel("API key or token")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);

        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has already been used");
        await PageChecks.AssertAccessibleAsync(page, "a used link");
        await PageChecks.ScreenshotAsync(page, "work-external-link-used");
        fixture.AssertNoUnexpectedErrors(errors, "The external participant's page");
    }

    private static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = "%PDF-1.4 document"u8.ToArray() };
}
