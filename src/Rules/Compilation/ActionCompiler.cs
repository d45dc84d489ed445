using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Compilation;

/// <summary>Compiles a rule's actions to delegates over the firing activation.</summary>
internal static class ActionCompiler
{
    public static IReadOnlyList<CompiledAction> Compile(
        IReadOnlyList<ActionElement> actions,
        CompilationScope scope,
        bool[] isPattern,
        IReadOnlyDictionary<string, int> agendaGroups,
        ErrorSink errors)
    {
        var compiled = new List<CompiledAction>();
        for (var i = 0; i < actions.Count; i++)
        {
            var location = $"actions[{i}]";
            var action = actions[i];
            var result = action switch
            {
                InsertAction insert => CompileInsert(insert, scope, errors, location),
                SetAction set => CompileSet(set, scope, isPattern, errors, location),
                RetractAction retract => CompileRetract(retract, scope, isPattern, errors, location),
                EmitAction emit => CompileEmit(emit, scope, errors, location),
                DelegateAction call when call.Body is not null => new CompiledAction(RuleModelPrinter.Print(call), context => call.Body(context)),
                FocusAction focus => CompileFocus(focus, agendaGroups, errors, location),
                HaltAction halt => new CompiledAction(RuleModelPrinter.Print(halt), context => context.Halt()),
                _ => Fail(errors, location, "The action is missing or of an unknown kind (or a delegate action has no body)."),
            };

            if (result is not null)
            {
                compiled.Add(result);
            }
        }

        return compiled;
    }

    private static CompiledAction? Fail(ErrorSink errors, string location, string message)
    {
        errors.Add(location, message);
        return null;
    }

    private static CompiledAction? CompileFocus(FocusAction focus, IReadOnlyDictionary<string, int> agendaGroups, ErrorSink errors, string location)
    {
        if (string.IsNullOrWhiteSpace(focus.Group) || !agendaGroups.TryGetValue(focus.Group, out var group))
        {
            return Fail(errors, $"{location}.group", string.IsNullOrWhiteSpace(focus.Group)
                ? "A focus action needs the name of an agenda group."
                : $"No rule is in agenda group '{focus.Group}', so focusing it would fire nothing. The rule set's groups are: {string.Join(", ", agendaGroups.Keys)}. Fix the name or put a rule in the group (AgendaGroup).");
        }

        return new CompiledAction(RuleModelPrinter.Print(focus), context => context.Session.FocusGroup(group));
    }

    private static CompiledAction? CompileInsert(InsertAction insert, CompilationScope scope, ErrorSink errors, string location)
    {
        if (string.IsNullOrWhiteSpace(insert.FactType))
        {
            return Fail(errors, $"{location}.factType", "An insert action needs the type of the fact to insert.");
        }

        var fields = CompileArguments(insert.Fields, scope, errors, $"{location}.fields");
        if (fields is null)
        {
            return null;
        }

        var type = insert.FactType;
        return new CompiledAction(RuleModelPrinter.Print(insert), context =>
        {
            var values = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
            foreach (var (name, operand) in fields)
            {
                values[name] = operand.Evaluate(context.Token, null);
            }

            context.Session.Insert(new Fact(type, values));
        });
    }

    private static CompiledAction? CompileSet(SetAction set, CompilationScope scope, bool[] isPattern, ErrorSink errors, string location)
    {
        var steps = PatternSlot(set.Variable, scope, isPattern, errors, location, "set");
        if (!FieldPath.TryParse(set.Path, out var path, out var error) || path.Length == 0)
        {
            return Fail(errors, $"{location}.path", path.Length == 0 && error.Length == 0 ? "A set action needs the path of the field to set." : error);
        }

        if (set.Value is null)
        {
            return Fail(errors, $"{location}.value", "A set action needs a value.");
        }

        var value = OperandCompiler.Compile(set.Value, scope, errors, $"{location}.value");
        if (steps is null || value is null)
        {
            return null;
        }

        var up = steps.Value;
        return new CompiledAction(RuleModelPrinter.Print(set), context =>
        {
            var fact = context.Token.Ancestor(up).Fact!;
            var newValue = FactValue.Normalize(value.Evaluate(context.Token, null));

            // Setting what is already there is no change: no new version, so the rule does not re-activate itself
            // (a setData rule that does not test its own path would otherwise loop until the firing limit).
            if (path.TryResolve(fact, out var current) && ValueSemantics.AreEqual(current, newValue))
            {
                return;
            }

            fact.SetPath(path, newValue);
            context.Session.Update(fact);
        });
    }

    private static CompiledAction? CompileRetract(RetractAction retract, CompilationScope scope, bool[] isPattern, ErrorSink errors, string location)
    {
        var steps = PatternSlot(retract.Variable, scope, isPattern, errors, location, "retract");
        if (steps is null)
        {
            return null;
        }

        var up = steps.Value;
        return new CompiledAction(RuleModelPrinter.Print(retract), context => context.Session.Retract(context.Token.Ancestor(up).Fact!));
    }

    private static CompiledAction? CompileEmit(EmitAction emit, CompilationScope scope, ErrorSink errors, string location)
    {
        if (string.IsNullOrWhiteSpace(emit.Name))
        {
            return Fail(errors, $"{location}.name", "An emit action needs a name, e.g. 'goTo'.");
        }

        var arguments = CompileArguments(emit.Arguments, scope, errors, $"{location}.arguments");
        if (arguments is null)
        {
            return null;
        }

        var name = emit.Name;
        var names = arguments.Select(a => a.Name).ToArray();
        var operands = arguments.Select(a => a.Operand.Evaluate).ToArray();
        return new CompiledAction(RuleModelPrinter.Print(emit), context =>
        {
            var values = new object?[operands.Length];
            for (var i = 0; i < operands.Length; i++)
            {
                values[i] = operands[i](context.Token, null);
            }

            context.Emit(name, new ArgumentMap(names, values));
        });
    }

    private static (string Name, CompiledOperand Operand)[]? CompileArguments(
        IReadOnlyDictionary<string, Operand>? arguments, CompilationScope scope, ErrorSink errors, string location)
    {
        var compiled = new List<(string, CompiledOperand)>();
        var ok = true;
        foreach (var (name, operand) in arguments ?? new Dictionary<string, Operand>())
        {
            var result = operand is null ? null : OperandCompiler.Compile(operand, scope, errors, $"{location}.{name}");
            if (operand is null)
            {
                errors.Add($"{location}.{name}", "The value is missing.");
            }

            if (result is null)
            {
                ok = false;
                continue;
            }

            compiled.Add((name, result));
        }

        return ok ? [.. compiled] : null;
    }

    private static int? PatternSlot(string? variable, CompilationScope scope, bool[] isPattern, ErrorSink errors, string location, string verb)
    {
        if (variable is null || !scope.TryGetSlot(variable, out var slot))
        {
            errors.Add($"{location}.variable", $"Cannot {verb} '{variable}': no fact is bound to that variable. Name a variable of one of the rule's patterns.");
            return null;
        }

        if (!isPattern[slot])
        {
            errors.Add($"{location}.variable", $"Cannot {verb} '{variable}': it is an aggregate result, not a fact in the session.");
            return null;
        }

        return scope.StepsTo(slot);
    }
}
