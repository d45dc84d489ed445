using Xunit.Abstractions;
using Xunit.Sdk;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// Prints the differential suite's summary (corpus size, work done, documented differences) as an xUnit diagnostic
/// message, which `dotnet test` shows at its default verbosity, so ./test.sh's output carries it.
/// </summary>
public sealed class DifferentialReport(IMessageSink sink)
{
    public void Print(string summary) => sink.OnMessage(new DiagnosticMessage(summary));
}
