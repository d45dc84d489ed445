using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Processes;

internal sealed partial class StepExecution
{
    /// <summary>
    /// For a task of an external participant: works out the address, issues a link token (its hash on the task and in
    /// <c>external_links</c>, earlier live links of the same step revoked) and hands the link to the delivery, all in
    /// the step's transaction.
    /// </summary>
    private void IssueLinkIfExternal(StepDefinition step, TaskRecord task)
    {
        if (step.Assignee?.External is not { } external)
        {
            return;
        }

        var result = services.Expressions.Evaluate(external.Email, ExpressionScope.FromJson(View(), LocalNow, services.Options.TimeZone), ExpectedType.Text, $"steps.{step.Key}.assignee.external.email");
        var email = result.Error is null && result.Value.Kind == ExpressionValueKind.Text ? result.Value.AsText().Trim() : string.Empty;
        if (!ExternalLinks.LooksLikeEmail(email))
        {
            var why = result.Error?.Message ?? (email.Length == 0 ? "it gave no address" : $"'{email}' is not an e-mail address");
            Raise("EXTERNAL_EMAIL_UNRESOLVED", $"The external participant's address '{external.Email}' of step '{step.Key}' did not give an e-mail address ({why}); correct the data, then resend the task's link.", "error", step.Key, null);
            return;
        }

        task.ExternalEmail = email;
        var validFor = ExternalLinks.ValidFor(external);
        var reissued = ExternalLinks.RevokeLive(db, instance.Id, step.Key, now);
        var message = ExternalLinks.Issue(db, task, instance.ProcessKey, step.Name, now, validFor, reissued);
        Append(EventTypes.ExternalLinkIssued, ExternalLinks.EventPayload(message), step.Key, task.Id);
        services.Links.Deliver(db, message);
    }

    /// <summary>Issues a fresh link for an open task of an external participant (a resend): the address is worked out again from today's data.</summary>
    public async Task ReissueLinkAsync(StepDefinition step, TaskRecord task, CancellationToken cancellationToken)
    {
        await LoadGroupKeysAsync(cancellationToken).ConfigureAwait(false);
        IssueLinkIfExternal(step, task);
    }
}
