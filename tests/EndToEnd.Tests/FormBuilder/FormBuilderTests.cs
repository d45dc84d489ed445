using System.Net.Http.Json;
using System.Text.Json;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.FormBuilder;

[Collection(DesignerSuite.Name)]
public sealed class FormBuilderTests(DesignerFixture fixture)
{
    [Fact]
    public async Task ACitizenDeveloper_BuildsAFormWithAConditionAndAComputedField_WatchesTheServerJudgeThePreviewBeforeSaving_AndPublishes()
    {
        var (page, errors) = await fixture.OpenPageAsync("designer", "dee@example.com");
        await page.GotoAsync("/forms");
        await page.GetByRole(AriaRole.Link, new() { Name = "New form" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Untitled form");

        var settings = page.GetByRole(AriaRole.Region, new() { Name = "Form settings" });
        await settings.GetByLabel("Form key").FillAsync("trip-request");
        await settings.GetByLabel("Form name").FillAsync("Trip request");

        await AddFieldAsync(page, "Whole number", "nights", "Nights");
        await AddFieldAsync(page, "Number", "rate", "Rate per night");
        var properties = await AddFieldAsync(page, "Text", "hotel", "Hotel name");
        var visibleWhen = properties.GetByRole(AriaRole.Textbox, new() { Name = "Visible when" });
        await visibleWhen.FillAsync("nigths > 0");
        await Expect(properties.GetByText("'nigths' is not a field of this form. Did you mean 'nights'?")).ToBeVisibleAsync();
        await visibleWhen.FillAsync("nights > 0");
        await Expect(properties.GetByText("'nigths' is not a field of this form.")).ToHaveCountAsync(0);

        properties = await AddFieldAsync(page, "Computed", "total", "Total");
        await properties.GetByRole(AriaRole.Textbox, new() { Name = "Computed value" }).FillAsync("nights * rate");
        await properties.GetByRole(AriaRole.Button, new() { Name = "Try computed value" }).ClickAsync();
        await properties.GetByLabel("Sample data for computed value (JSON)").FillAsync("{ \"nights\": 2, \"rate\": 80 }");
        await properties.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Expect(properties.GetByText("Result: 160")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Form settings" }).ClickAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Add validation" }).ClickAsync();
        await settings.GetByRole(AriaRole.Textbox, new() { Name = "Must be true" }).FillAsync("total <= 2000");
        await settings.GetByLabel("Message", new() { Exact = true }).FillAsync("A trip may cost at most 2000.");
        await settings.GetByLabel("Shown on fields").FillAsync("nights");

        // Nothing is saved yet: the preview judges the form on screen through evaluateFormDraft.
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Live preview" });
        await Expect(preview.GetByText("unsaved changes included", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(preview.GetByLabel("Nights")).ToBeVisibleAsync();
        await Expect(preview.GetByLabel("Hotel name")).ToHaveCountAsync(0);

        var judged = page.WaitForRequestAsync(request => request.Url.EndsWith("/graphql", StringComparison.Ordinal)
            && (request.PostData ?? string.Empty).Contains("evaluateFormDraft", StringComparison.Ordinal)
            && (request.PostData ?? string.Empty).Contains("\"nights\":3", StringComparison.Ordinal));
        await preview.GetByLabel("Nights").FillAsync("3");
        await judged;
        await Expect(preview.GetByLabel("Hotel name")).ToBeVisibleAsync();
        await preview.GetByLabel("Rate per night").FillAsync("800");
        await Expect(preview.GetByLabel("Total")).ToHaveValueAsync("2400");
        await Expect(preview.GetByText("A trip may cost at most 2000.").First).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/forms/new$"));

        await PageChecks.AssertAccessibleAsync(page, "the form builder with a preview error");
        await PageChecks.ScreenshotAsync(page, "form-builder-preview-with-server-error");

        // An unsaved edit of the rule changes the server's verdict in the preview at once.
        await settings.GetByRole(AriaRole.Textbox, new() { Name = "Must be true" }).FillAsync("total <= 3000");
        await Expect(preview.GetByText("The server accepts these values.")).ToBeVisibleAsync();
        await Expect(preview.GetByText("A trip may cost at most 2000.")).ToHaveCountAsync(0);
        await PageChecks.ScreenshotAsync(page, "form-builder-preview-of-an-unsaved-edit");
        await settings.GetByRole(AriaRole.Textbox, new() { Name = "Must be true" }).FillAsync("total <= 2000");
        await Expect(preview.GetByText("A trip may cost at most 2000.").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByText("Draft saved")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/forms/trip-request$"));
        await Expect(preview.GetByText("unsaved changes included", new() { Exact = false })).ToHaveCountAsync(0);

        await preview.GetByLabel("Nights").FillAsync("3");
        await preview.GetByLabel("Rate per night").FillAsync("90");
        await Expect(preview.GetByLabel("Total")).ToHaveValueAsync("270");
        await Expect(preview.GetByText("The server accepts these values.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByText("Published as version 1.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Region, new() { Name = "Version history" });
        await Expect(history.GetByRole(AriaRole.Cell, new() { Name = "Version 1 (published)" })).ToBeVisibleAsync();
        await Expect(history.GetByRole(AriaRole.Cell, new() { Name = "dee@example.com" })).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "form-builder-published");

        await page.SetViewportSizeAsync(768, 1024);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The builder scrolls sideways at 768 px.");
        await PageChecks.ScreenshotAsync(page, "form-builder-768");
        fixture.AssertNoUnexpectedErrors(errors, "The form builder");
    }

    [Fact]
    public async Task SavingAfterSomeoneElseSaved_ShowsTheConflict_KeepsTheEdits_AndCanOverwrite()
    {
        using var other = await ClientAsync("other@example.com");
        await SaveDraftAsync(other, "stale-form", "Stale", "First", etag: null);
        var (page, errors) = await fixture.OpenPageAsync("designer", "dee@example.com");
        await page.GotoAsync("/forms/stale-form");
        await page.GetByRole(AriaRole.List, new() { Name = "Fields of the form" }).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^First") }).ClickAsync();
        var properties = page.GetByRole(AriaRole.Region, new() { Name = "Properties of" });
        await properties.GetByLabel("Label", new() { Exact = true }).FillAsync("Mine");

        await SaveDraftAsync(other, "stale-form", "Stale", "Theirs", await DraftEtagAsync(other, "stale-form"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Someone else changed this form" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Your version is kept here")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "the form builder's conflict dialog");
        await PageChecks.ScreenshotAsync(page, "form-builder-conflict");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(properties.GetByLabel("Label", new() { Exact = true })).ToHaveValueAsync("Mine");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Overwrite with my version" }).ClickAsync();
        await Expect(page.GetByText("Draft saved")).ToBeVisibleAsync();
        Assert.Equal("Mine", await StoredLabelAsync(other, "stale-form"));
        fixture.AssertNoUnexpectedErrors(errors, "The form builder after a conflict");
    }

    private static async Task<ILocator> AddFieldAsync(IPage page, string type, string key, string label)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {type} field", Exact = true }).ClickAsync();
        var properties = page.GetByRole(AriaRole.Region, new() { Name = "Properties of" });
        await properties.GetByLabel("Key", new() { Exact = true }).FillAsync(key);
        await properties.GetByLabel("Label", new() { Exact = true }).FillAsync(label);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Properties of {key}" })).ToBeVisibleAsync();
        return properties;
    }

    private async Task<HttpClient> ClientAsync(string id)
    {
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.CreateKeyAsync("designer", id));
        return client;
    }

    private static async Task SaveDraftAsync(HttpClient client, string key, string name, string label, string? etag)
    {
        var definition = new { key, name, fields = new[] { new { key = "first", type = "text", label } } };
        var data = await GraphQLAsync(client, "mutation($key: ID!, $d: JSON!, $etag: String) { saveDraft(kind: FORM, key: $key, definition: $d, etag: $etag) { error { message } } }", new { key, d = definition, etag });
        Assert.Equal(JsonValueKind.Null, data.GetProperty("saveDraft").GetProperty("error").ValueKind);
    }

    private static async Task<string> DraftEtagAsync(HttpClient client, string key) =>
        (await GraphQLAsync(client, "query($key: ID!) { form(key: $key, version: 0) { etag } }", new { key })).GetProperty("form").GetProperty("etag").GetString()!;

    private static async Task<string?> StoredLabelAsync(HttpClient client, string key) =>
        (await GraphQLAsync(client, "query($key: ID!) { form(key: $key, version: 0) { body } }", new { key }))
            .GetProperty("form").GetProperty("body").GetProperty("fields")[0].GetProperty("label").GetString();

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.TryGetProperty("errors", out var graphQLErrors), graphQLErrors.ToString());
        return body.RootElement.GetProperty("data").Clone();
    }
}
