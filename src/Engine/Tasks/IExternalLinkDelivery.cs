using LowCode.Engine.Storage;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Hands a new link to whatever sends it. Called inside the step's transaction with the step's context, so a delivery
/// that writes an outbox row commits (or rolls back) together with the task and the token's hash.
/// </summary>
public interface IExternalLinkDelivery
{
    void Deliver(LowCodeDbContext db, ExternalLinkMessage message);
}
