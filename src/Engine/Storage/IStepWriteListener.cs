using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// An interceptor that watches saves (<see cref="Changes.RuntimeChangeInterceptor"/>) and must also see the steps
/// <see cref="StepWriter"/> writes without <c>SaveChanges</c>: told before the write, after it, and when it failed,
/// exactly as EF Core's saving, saved and failed events would tell it.
/// </summary>
internal interface IStepWriteListener
{
    void Writing(DbContext context);

    void Written(DbContext context);

    void WriteFailed(DbContext context);
}
