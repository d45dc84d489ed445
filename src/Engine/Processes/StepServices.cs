using LowCode.Engine.Expressions;
using LowCode.Engine.Routing;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>The singletons one step's execution uses.</summary>
internal sealed record StepServices(IExpressionEvaluator Expressions, RuleSetCache RuleSets, DefinitionCache Definitions, RuntimeOptions Options, IExternalLinkDelivery Links);
