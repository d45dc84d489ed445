using System.Diagnostics;
using System.Globalization;
using LowCode.Engine.Metadata;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;

namespace LowCode.Engine.Benchmarks.Forms;

/// <summary>
/// Times Evaluate of the generated form in interleaved rounds, by wall time and by process CPU time (which does not
/// count time spent waiting for a core on a loaded machine), for the full form and for the same form with its
/// expressions taken out, so the share of the expression sandbox shows.
/// </summary>
internal static class FormCpuHarness
{
    public static int Run(int rounds, int perRound)
    {
        using var expressions = new ExpressionEvaluator();
        var evaluator = new FormEvaluator(expressions);
        var options = new FormEvaluationOptions { Now = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero) };
        var data = GeneratedForm.Data();
        var variants = new (string Name, FormDefinition Form)[]
        {
            ("full form", GeneratedForm.Definition),
            ("same form without expressions", WithoutExpressions(GeneratedForm.Definition)),
            ("same form without the 5 expressions that read the whole table (and 3 built on them)", WithoutTableReads(GeneratedForm.Definition)),
        };
        var results = variants.Select(_ => (Wall: new List<double>(), Cpu: new List<double>())).ToArray();
        foreach (var (_, form) in variants)
        {
            for (var i = 0; i < perRound; i++)
            {
                _ = evaluator.Evaluate(form, data, options);
            }
        }

        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < perRound; i++)
                {
                    _ = evaluator.Evaluate(variants[v].Form, data, options);
                }

                watch.Stop();
                process.Refresh();
                results[v].Wall.Add(watch.Elapsed.TotalMilliseconds / perRound);
                results[v].Cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / perRound);
            }
        }

        for (var v = 0; v < variants.Length; v++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variants[v].Name}: median {Median(results[v].Wall):F3} ms wall, {Median(results[v].Cpu):F3} ms CPU per Evaluate; best round {results[v].Wall.Min():F3} ms wall ({rounds} rounds of {perRound})"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static FormDefinition WithoutTableReads(FormDefinition form) =>
        form with { Fields = [.. form.Fields.Select(f => f.Computed is { } c && System.Text.RegularExpressions.Regex.IsMatch(c, @"\brows\b|\bc4\d\b") ? f with { Type = "number", Computed = null } : f)] };

    private static FormDefinition WithoutExpressions(FormDefinition form)
    {
        static FieldDefinition Strip(FieldDefinition field) => field with
        {
            Type = field.Type == "computed" ? "number" : field.Type,
            Computed = null,
            VisibleWhen = null,
            RequiredWhen = null,
            ReadonlyWhen = null,
            Fields = [.. field.Fields.Select(Strip)],
        };

        return form with { Fields = [.. form.Fields.Select(Strip)] };
    }
}
