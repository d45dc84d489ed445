namespace LowCode.Engine.Processes;

/// <summary>One thing wrong with a call's input: where (a field path such as <c>lines[2].amount</c>), a code, and how to fix it.</summary>
public sealed record RuntimeProblem(string Path, string Code, string Message);
